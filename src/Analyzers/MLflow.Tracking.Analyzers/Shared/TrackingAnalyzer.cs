using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Analyzers;

/// <summary>
/// The common start of every MLflow.Tracking rule: concurrent, generated code excluded, MLflow.Tracking's types
/// resolved once per compilation, and compilations that do not reference the library skipped.
/// </summary>
public abstract class TrackingAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownTypes.TryCreate(start.Compilation);
            if (known is not null)
            {
                Start(start, known);
            }
        });
    }

    /// <summary>Registers the rule's actions for a compilation that references MLflow.Tracking.</summary>
    private protected abstract void Start(CompilationStartAnalysisContext start, KnownTypes known);
}
