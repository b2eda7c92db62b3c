using System.Collections.Generic;
using System.Collections.Immutable;
using MLflow.Tracking.Shared;
using MLflow.Tracking.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Analyzers;

/// <summary>
/// MLFLOW011: a [LogArtifact] that would never be logged as declared — on a type no artifact can be made of, with a
/// path the runtime refuses (the shared <see cref="ArtifactRules"/>), or under a path another artifact of the same
/// tracked run already takes. Values are read by the generator's own reader (<see cref="TrackedRunReader"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LogArtifactAnalyzer : TrackingAnalyzer
{
    private const string ChangeType = "an artifact must be " + ArtifactRules.SupportedTypes + "; return one of them, or write the file in the body and log it with ActiveRun.Current?.LogArtifact";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidArtifact);

    /// <inheritdoc />
    private protected override void Start(CompilationStartAnalysisContext start, KnownTypes known)
    {
        if (known.LogArtifact is null)
        {
            return;
        }

        start.RegisterSymbolAction(c => AnalyzeMethod(c, known), SymbolKind.Method);
        start.RegisterSymbolAction(c => AnalyzeMember(c, known), SymbolKind.Property, SymbolKind.Field);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null)
        {
            return;
        }

        if (KnownTypes.FindAttribute(method.GetReturnTypeAttributes(), known.LogArtifact) is { } attribute)
        {
            var type = known.UnwrapAwaitable(method.ReturnType);
            Check(context, attribute, method, "the return value of '" + method.Name + "'", type, TrackedRunReader.NameOf(attribute));
        }

        if (TrackedRunModel.IsTrackedRun(method, known))
        {
            ReportDuplicatePaths(context, method, known);
        }
    }

    private static void AnalyzeMember(SymbolAnalysisContext context, KnownTypes known)
    {
        var symbol = context.Symbol;
        if (symbol.IsImplicitlyDeclared || known.FindAttribute(symbol, known.LogArtifact) is not { } attribute)
        {
            return;
        }

        var type = symbol is IPropertySymbol property ? property.Type : ((IFieldSymbol)symbol).Type;
        Check(context, attribute, symbol, "'" + symbol.Name + "'", type, TrackedRunReader.NameOf(attribute));
    }

    private static void Check(SymbolAnalysisContext context, AttributeData attribute, ISymbol owner, string what, ITypeSymbol type, string? path)
    {
        if (TrackedRunReader.ArtifactKindOf(type) == ArtifactKind.Unsupported)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidArtifact, AttributeLocations.Of(attribute, owner), what,
                "of type '" + type.ToDisplayString() + "' is never logged: " + ChangeType));
        }

        if (path is not null && ArtifactRules.CheckFile(path, out _) is { } rule)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidArtifact, AttributeLocations.OfArgument(attribute, owner, 0), what,
                "has the path '" + path + "', which the runtime refuses: " + rule + "; give a relative '/'-separated file path such as 'model/weights.json'"));
        }
    }

    /// <summary>Two artifacts of one run under one path: the later upload would replace the earlier.</summary>
    private static void ReportDuplicatePaths(SymbolAnalysisContext context, IMethodSymbol method, KnownTypes known)
    {
        var seen = new Dictionary<string, ArtifactNode>();
        foreach (var artifact in known.Symbols.ArtifactsOf(method))
        {
            if (!artifact.IsLogged || artifact.Path is null)
            {
                continue;
            }

            ArtifactRules.CheckFile(artifact.Path, out var normalized);
            if (seen.TryGetValue(normalized, out var first))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidArtifact, AttributeLocations.FirstLocation(method), NameOf(artifact, method),
                    "has the path '" + artifact.Path + "', which " + NameOf(first, method) + " of tracked run '" + method.Name + "' also logs: the later upload would replace the earlier; give each artifact its own path"));
            }
            else
            {
                seen.Add(normalized, artifact);
            }
        }
    }

    private static string NameOf(ArtifactNode artifact, IMethodSymbol method) =>
        artifact.Member is null ? "the return value of '" + method.Name + "'" : "'" + artifact.Member.Name + "'";
}
