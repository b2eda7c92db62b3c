using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Diagnostics;

/// <summary>
/// Every diagnostic this package reports, whether the generator (MLFLOW002, MLFLOW007: shapes it cannot implement,
/// which must be visible even when the build has compile errors) or the analyzers report it. IDs and categories are
/// stable: users suppress them by ID. Linked into the generator and the analyzers, so each ID has one descriptor.
/// </summary>
internal static class Descriptors
{
    public const string Category = "MLflow.Tracking";

    // Each rule has a page in the repository; the IDE links to it from the diagnostic.
    private const string HelpBase = "https://github.com/mlflow-dotnet/mlflow-tracking/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor SecretLogged = Create(
        DiagnosticIds.SecretLogged,
        "A secret is logged as an MLflow param or tag",
        "'{0}' looks like a secret ({1}) and would be stored in plain text as an MLflow {2}",
        DiagnosticSeverity.Warning,
        "Params and tags are visible to everyone who can read the experiment. Do not log secrets; remove the value or redact it with Redact = ParamRedaction.Hash or ParamRedaction.Length.");

    public static readonly DiagnosticDescriptor TrackedRunNotPartial = Create(
        DiagnosticIds.TrackedRunNotPartial,
        "[TrackedRun] method must be a partial declaration without a body, in partial types",
        "[TrackedRun] method '{0}' {1}",
        DiagnosticSeverity.Error,
        "The source generator writes the body of a [TrackedRun] method into another part of its type; the user's code lives in the private <Name>Core method. The method must be a partial declaration without a body, and it and every containing type must be partial and not file-local.");

    public static readonly DiagnosticDescriptor TrackingAttributeWithoutRun = Create(
        DiagnosticIds.TrackingAttributeWithoutRun,
        "[LogParam], [LogMetric] or [LogArtifact] has no effect without [TrackedRun]",
        "{0} on '{1}' has no effect because method '{2}' has no [TrackedRun] attribute",
        DiagnosticSeverity.Warning,
        "Only parameters and return values of [TrackedRun] methods are logged.");

    public static readonly DiagnosticDescriptor MetricNotNumeric = Create(
        DiagnosticIds.MetricNotNumeric,
        "[LogMetric] on a non-numeric value",
        "[LogMetric] on '{0}' of type '{1}': MLflow metrics must be numeric (int, long, short, byte, float, double, decimal or their nullable forms)",
        DiagnosticSeverity.Error,
        "MLflow stores metrics as doubles; a value of another type cannot be logged as a metric.");

    public static readonly DiagnosticDescriptor InvalidKey = Create(
        DiagnosticIds.InvalidKey,
        "Key breaks MLflow's key rules",
        "Key '{0}' is invalid: {1}",
        DiagnosticSeverity.Error,
        "MLflow keys may contain only alphanumerics, underscores, dashes, periods, spaces, colons and slashes, are at most 250 characters long, and must be unique paths (no '.' or '..' segments, no leading '/').");

    public static readonly DiagnosticDescriptor DuplicateKey = Create(
        DiagnosticIds.DuplicateKey,
        "Two params or metrics of one run share a key",
        "The {0} key '{1}' is logged more than once by tracked run '{2}'",
        DiagnosticSeverity.Error,
        "MLflow refuses a second value for a param key and merges metric series; every logged key of one run must be distinct.");

    public static readonly DiagnosticDescriptor UnsupportedSignature = Create(
        DiagnosticIds.UnsupportedSignature,
        "Unsupported [TrackedRun] signature",
        "[TrackedRun] method '{0}' has an unsupported signature: {1}",
        DiagnosticSeverity.Error,
        "The generator cannot wrap ref returns, lazy sequences, async methods with by-ref, ref struct or pointer parameters, [LogParam] on ref struct values, or 'async' on the declaration, and it needs a <Name>Core method with the same signature, constraints and nullability.");

    public static readonly DiagnosticDescriptor InvalidRunNaming = Create(
        DiagnosticIds.InvalidRunNaming,
        "Invalid experiment or run name",
        "{0}",
        DiagnosticSeverity.Error,
        "An experiment name must not be empty or whitespace and is at most 500 characters; a run name is at most 250 characters.");

    public static readonly DiagnosticDescriptor ReservedTagKey = Create(
        DiagnosticIds.ReservedTagKey,
        "[RunTag] key is reserved by MLflow",
        "Run tag key '{0}' is reserved by MLflow for its system tags, so the tag is never set: {1}",
        DiagnosticSeverity.Error,
        "MLflow reserves tag keys starting with 'mlflow.' for the system tags it and the tracker set (run name, user, source, parent run). A constant tag under such a key is refused at run time; mlflow.runName beside the run name would make MLflow refuse the whole run.");

    public static readonly DiagnosticDescriptor ParamNotLogged = Create(
        DiagnosticIds.ParamNotLogged,
        "[LogParam] value is never logged",
        "[LogParam] '{0}' of type '{1}' is never logged: {2}",
        DiagnosticSeverity.Warning,
        "Collections, tasks, lazies, delegates, reflection and culture objects, handles and cancellation tokens are never read, because reading them could block, run code, allocate or says nothing about the run. Remove [LogParam], or log a value derived from it (a count, a name) with ActiveRun.Current?.LogParam in the body.");

    public static readonly DiagnosticDescriptor InvalidArtifact = Create(
        DiagnosticIds.InvalidArtifact,
        "[LogArtifact] value cannot be logged as declared",
        "[LogArtifact] on {0} {1}",
        DiagnosticSeverity.Error,
        "A [LogArtifact] value must be a string, byte[], ReadOnlyMemory<byte>, Stream (or a type derived from it) or FileInfo; its path must be a relative, '/'-separated file path under the run's artifact root (no '..', '.' or empty segments, no leading '/', drive or backslash), and no two artifacts of one tracked run may share a path. Anything else would never be logged, or would replace another artifact.");

    /// <summary>The descriptor of an ID, for diagnostics kept in equatable pipeline models by ID.</summary>
    public static DiagnosticDescriptor ById(string id) => id switch
    {
        DiagnosticIds.SecretLogged => SecretLogged,
        DiagnosticIds.TrackedRunNotPartial => TrackedRunNotPartial,
        DiagnosticIds.TrackingAttributeWithoutRun => TrackingAttributeWithoutRun,
        DiagnosticIds.MetricNotNumeric => MetricNotNumeric,
        DiagnosticIds.InvalidKey => InvalidKey,
        DiagnosticIds.DuplicateKey => DuplicateKey,
        DiagnosticIds.UnsupportedSignature => UnsupportedSignature,
        DiagnosticIds.InvalidRunNaming => InvalidRunNaming,
        DiagnosticIds.ReservedTagKey => ReservedTagKey,

        DiagnosticIds.ParamNotLogged => ParamNotLogged,
        DiagnosticIds.InvalidArtifact => InvalidArtifact,
        _ => throw new System.ArgumentOutOfRangeException(nameof(id), id, "Not an MLflow.Tracking diagnostic ID."),
    };

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpBase + id + ".md");
}
