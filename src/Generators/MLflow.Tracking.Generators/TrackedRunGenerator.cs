using MLflow.Tracking.Generators.Emitting;
using MLflow.Tracking.Generators.Model;
using MLflow.Tracking.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MLflow.Tracking.Generators;

/// <summary>
/// Implements <c>[TrackedRun]</c> partial methods: every call becomes an MLflow run. Parser, equatable model,
/// emitter, as dotnet/runtime's LoggerMessage and Regex generators do; the generator reports no diagnostics
/// (the analyzers do) and skips methods it cannot implement.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TrackedRunGenerator : IIncrementalGenerator
{
    private const string TrackedRunAttributeName = "MLflow.Tracking.TrackedRunAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TrackedRunAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (syntaxContext, cancellationToken) => TrackedMethodParser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.TrackedMethods)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.ImplementableMethods);

        context.RegisterSourceOutput(methods, static (output, model) => Emit(output, model));
    }

    private static void Emit(SourceProductionContext output, TrackedMethodModel model) =>
        output.AddSource(model.HintName, SourceText.From(TrackedMethodEmitter.Emit(model), System.Text.Encoding.UTF8));
}
