using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Analyzers;

/// <summary>
/// The common start of the rules that judge method declarations: MLflow.Tracking's types are resolved once per
/// compilation, compilations that do not reference the library are skipped, and each method symbol is analyzed
/// concurrently, generated code excluded.
/// </summary>
public abstract class MethodSymbolAnalyzer : DiagnosticAnalyzer
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
                start.RegisterSymbolAction(c => Analyze(c, known), SymbolKind.Method);
            }
        });
    }

    /// <summary>Analyzes one method symbol (<see cref="SymbolAnalysisContext.Symbol"/>).</summary>
    private protected abstract void Analyze(SymbolAnalysisContext context, KnownTypes known);
}
