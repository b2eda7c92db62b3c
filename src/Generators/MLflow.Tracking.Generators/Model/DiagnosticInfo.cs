using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MLflow.Tracking.Generators.Model;

/// <summary>
/// A diagnostic the generator reports, kept as plain values (ID, arguments, file and span) so that the pipeline model
/// stays equatable and holds no <see cref="Location"/> or symbol; it becomes a <see cref="Diagnostic"/> only when it
/// is reported, as dotnet/runtime's LoggerMessage and Regex generators do.
/// </summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(string id, Location? location, params string[] arguments) =>
        new(id, LocationInfo.From(location), new EquatableArray<string>(arguments));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptors.ById(Id), Location?.ToLocation(), Arguments.Select(a => (object?)a).ToArray());
}

/// <summary>Where a diagnostic points, as values: file path, span and line span.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is { } tree ? new LocationInfo(tree.FilePath, location.SourceSpan, location.GetLineSpan().Span) : null;

    public Location ToLocation() => Microsoft.CodeAnalysis.Location.Create(FilePath, Span, LineSpan);
}

/// <summary>What the parser made of one <c>[TrackedRun]</c> method: the model to emit, or why it cannot be emitted.</summary>
internal sealed record TrackedMethodResult(TrackedMethodModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static TrackedMethodResult None { get; } = new(null, EquatableArray<DiagnosticInfo>.Empty);
}
