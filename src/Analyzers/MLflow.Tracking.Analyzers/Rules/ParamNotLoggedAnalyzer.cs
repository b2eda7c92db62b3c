using System.Collections.Immutable;
using MLflow.Tracking.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Analyzers;

/// <summary>
/// MLFLOW010: a <c>[LogParam]</c> parameter whose type is never read (collections, tasks, lazies...), so the user's
/// explicit request would otherwise be dropped in silence. Ref structs and pointers are MLFLOW007's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ParamNotLoggedAnalyzer : MethodSymbolAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ParamNotLogged);

    /// <inheritdoc />
    private protected override void Analyze(SymbolAnalysisContext context, KnownTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!TrackedRunModel.IsTrackedRun(method, known))
        {
            return;
        }

        foreach (var param in TrackedRunModel.GetParams(method, known))
        {
            if (param.Skip is not SkipReason.None and not SkipReason.RefLike)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ParamNotLogged,
                    AttributeLocations.FirstLocation(param.Root),
                    param.Key,
                    param.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                    LoggedTypeRules.Describe(param.Skip)));
            }
        }
    }
}
