using System;
using System.Collections.Immutable;
using MLflow.Tracking.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Analyzers;

/// <summary>
/// MLFLOW009: a <c>[RunTag]</c> key MLflow reserves for its system tags (<c>mlflow.*</c>). The runtime refuses such a
/// tag (with a logged warning) because it would fight the tracker's own: <c>mlflow.runName</c> beside the run name
/// makes MLflow refuse the whole run. The rule and the runtime share one list (<see cref="ReservedTagKeys"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReservedTagKeyAnalyzer : TrackingAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ReservedTagKey);

    /// <inheritdoc />
    private protected override void Start(CompilationStartAnalysisContext start, KnownTypes known)
    {
        if (start.Compilation.GetTypeByMetadataName("MLflow.Tracking.RunTagAttribute") is { } runTag)
        {
            start.RegisterSymbolAction(c => Analyze(c, runTag), SymbolKind.Method, SymbolKind.NamedType);
        }
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol runTag)
    {
        if (context.Symbol is IMethodSymbol { PartialDefinitionPart: not null })
        {
            return;
        }

        foreach (var attribute in context.Symbol.GetAttributes())
        {
            if (KnownTypes.Is(attribute.AttributeClass, runTag) && attribute.ConstructorArguments.Length >= 1 &&
                attribute.ConstructorArguments[0].Value is string key && ReservedTagKeys.IsReserved(key))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ReservedTagKey, AttributeLocations.OfArgument(attribute, context.Symbol, 0), key, Advice(key)));
            }
        }
    }

    private static string Advice(string key) => key switch
    {
        "mlflow.runName" => "set the run name with [TrackedRun(RunName = \"...\")] instead",
        "mlflow.parentRunId" => "a tracked call inside another tracked call becomes its child run by itself",
        _ when key.StartsWith("mlflow.source.", StringComparison.Ordinal) || key == "mlflow.user" => "the tracker sets it for every run",
        _ => "use a key of your own (only '" + ReservedTagKeys.NoteContent + "', the run's description, is yours to set)",
    };
}
