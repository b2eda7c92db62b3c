using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MLflow.Tracking.Benchmarks.FloorGenerator;

/// <summary>
/// Finds the [TrackedRun] methods exactly as the real generator does and emits nothing: what it costs under
/// <c>-p:ReportAnalyzer=true</c> is the binding every such generator pays, so the real generator's own cost is the
/// difference.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FloorGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var methods = context.SyntaxProvider.ForAttributeWithMetadataName(
            "MLflow.Tracking.TrackedRunAttribute",
            static (node, _) => node is MethodDeclarationSyntax,
            static (syntaxContext, _) => syntaxContext.TargetSymbol.Name);
        context.RegisterSourceOutput(methods, static (_, _) => { });
    }
}
