using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Shared.Roslyn;

/// <summary>
/// One <c>[LogParam]</c> value of a tracked method after naming and flattening: a leaf logged as one param, an
/// object whose <see cref="Members"/> are logged as <c>key.Member</c>, or a value that is skipped (<see cref="Skip"/>).
/// </summary>
/// <param name="Key">The MLflow key, e.g. <c>options.BatchSize</c>.</param>
/// <param name="Source">The parameter, property or field the value is read from.</param>
/// <param name="Type">The value's declared type.</param>
/// <param name="Root">The method parameter that carries it.</param>
/// <param name="Redaction">The <c>ParamRedaction</c> value: 0 none, 1 hash, 2 length.</param>
/// <param name="Skip">Why it is not logged, or <see cref="SkipReason.None"/>.</param>
/// <param name="Members">An object's flattened members; empty for leaves and skipped values.</param>
/// <param name="IsExplicit">It carries its own <c>[LogParam]</c> (a root, or a member marked to rename or redact it).</param>
internal sealed record ParamNode(
    string Key,
    ISymbol Source,
    ITypeSymbol Type,
    IParameterSymbol Root,
    int Redaction,
    SkipReason Skip,
    IReadOnlyList<ParamNode> Members,
    bool IsExplicit)
{
    /// <summary>Redacted with Hash or Length: only a hash or a length reaches MLflow.</summary>
    public bool IsRedacted => Redaction != 0;

    /// <summary>Logged as one value (not skipped, not flattened).</summary>
    public bool IsLeaf => Skip == SkipReason.None && Members.Count == 0;

    /// <summary>Flattened into its members.</summary>
    public bool IsObject => Members.Count > 0;

    /// <summary>Read through a property getter that is user code (not an auto-property's) and may throw.</summary>
    public bool ReadRunsUserCode { get; init; }

    /// <summary>Formatted through <c>ToString</c> of a type that is not one of the single-value types, which may throw.</summary>
    public bool FormatRunsUserCode { get; init; }

    /// <summary>A flattened member rather than the parameter itself.</summary>
    public bool IsFlattenedMember => !SymbolEqualityComparer.Default.Equals(Source, Root);

    /// <summary>This node and everything below it, depth first.</summary>
    public IEnumerable<ParamNode> DescendantsAndSelf()
    {
        yield return this;
        foreach (var member in Members)
        {
            foreach (var node in member.DescendantsAndSelf())
            {
                yield return node;
            }
        }
    }
}

/// <summary>A <c>[LogMetric]</c> of a tracked method's result: the result itself (<see cref="Member"/> null) or one of its members.</summary>
/// <param name="Key">The MLflow key.</param>
/// <param name="Member">The property or field, or null for the return value.</param>
/// <param name="Type">The value's type.</param>
/// <param name="Attribute">The <c>[LogMetric]</c>.</param>
/// <param name="IsNumeric">A number MLflow can store (others are MLFLOW004 and not logged).</param>
internal sealed record MetricNode(string Key, ISymbol? Member, ITypeSymbol Type, AttributeData Attribute, bool IsNumeric);

/// <summary>A <c>[LogArtifact]</c> of a tracked method's result: the result itself (<see cref="Member"/> null) or one of its members.</summary>
/// <param name="Path">The artifact file's path as written or defaulted (the member's or method's name); null for a
/// <c>FileInfo</c> without one, which keeps its file name at run time.</param>
/// <param name="IsExplicitPath">The path was written in the attribute (so it is the one to check and point at).</param>
/// <param name="Member">The property or field, or null for the return value.</param>
/// <param name="Type">The value's type.</param>
/// <param name="Attribute">The <c>[LogArtifact]</c>.</param>
/// <param name="Kind">How the value is written; <see cref="ArtifactKind.Unsupported"/> is MLFLOW011 and not logged.</param>
internal sealed record ArtifactNode(string? Path, bool IsExplicitPath, ISymbol? Member, ITypeSymbol Type, AttributeData Attribute, ArtifactKind Kind)
{
    /// <summary>The first rule the path breaks, or null (also null for a <c>FileInfo</c>'s run-time name).</summary>
    public string? PathProblem => Path is null ? null : ArtifactRules.CheckFile(Path, out _);

    /// <summary>Written by the generated code and the proxy: a supported type under a valid path.</summary>
    public bool IsLogged => Kind != ArtifactKind.Unsupported && PathProblem is null;
}
