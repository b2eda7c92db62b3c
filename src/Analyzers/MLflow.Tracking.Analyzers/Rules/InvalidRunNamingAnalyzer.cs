using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Analyzers;

/// <summary>MLFLOW008: [TrackedRun] names an experiment MLflow refuses (empty, whitespace, over 500 characters) or a run name over 250.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidRunNamingAnalyzer : MethodSymbolAnalyzer
{
    /// <summary>MLflow's limit on experiment names.</summary>
    public const int MaxExperimentNameLength = MLflow.Tracking.Shared.MlflowLimits.MaxExperimentNameLength;

    /// <summary>MLflow's limit on run names.</summary>
    public const int MaxRunNameLength = MLflow.Tracking.Shared.MlflowLimits.MaxRunNameLength;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidRunNaming);

    /// <inheritdoc />
    private protected override void Analyze(SymbolAnalysisContext context, KnownTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null || known.FindAttribute(method, known.TrackedRun) is not { } attribute)
        {
            return;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Value.IsNull)
            {
                continue;
            }

            var value = argument.Value.Value as string ?? string.Empty;
            string? problem = argument.Key switch
            {
                "Experiment" when string.IsNullOrWhiteSpace(value) => "The experiment name must not be empty or whitespace; omit Experiment to use the default experiment",
                "Experiment" when value.Length > MaxExperimentNameLength => $"The experiment name is {value.Length} characters long; MLflow allows at most {MaxExperimentNameLength}",
                "RunName" when string.IsNullOrWhiteSpace(value) => "The run name must not be empty or whitespace; omit RunName to use the method name",
                "RunName" when value.Length > MaxRunNameLength => $"The run name is {value.Length} characters long; MLflow allows at most {MaxRunNameLength}",
                _ => null,
            };
            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidRunNaming, AttributeLocations.OfArgument(attribute, method, -1, argument.Key), problem));
            }
        }
    }
}
