using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Analyzers;

/// <summary>The rules that judge method declarations only: each method symbol is analyzed on its own.</summary>
public abstract class MethodSymbolAnalyzer : TrackingAnalyzer
{
    /// <inheritdoc />
    private protected sealed override void Start(CompilationStartAnalysisContext start, KnownTypes known) =>
        start.RegisterSymbolAction(c => Analyze(c, known), SymbolKind.Method);

    /// <summary>Analyzes one method symbol (<see cref="SymbolAnalysisContext.Symbol"/>).</summary>
    private protected abstract void Analyze(SymbolAnalysisContext context, KnownTypes known);
}
