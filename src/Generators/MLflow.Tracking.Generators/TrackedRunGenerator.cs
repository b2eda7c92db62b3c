using MLflow.Tracking.Generators.Emitting;
using MLflow.Tracking.Generators.Model;
using MLflow.Tracking.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MLflow.Tracking.Generators;

/// <summary>
/// Implements <c>[TrackedRun]</c> partial methods: every call becomes an MLflow run. Parser, equatable model,
/// emitter, as dotnet/runtime's LoggerMessage and Regex generators do. A method it cannot implement gets MLFLOW002 or
/// MLFLOW007 from here, not from an analyzer: the missing implementation is a compile error (CS8795), and once a
/// build has one the command-line compiler reports no analyzer diagnostics, while generator diagnostics still show.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TrackedRunGenerator : IIncrementalGenerator
{
    private const string TrackedRunAttributeName = "MLflow.Tracking.TrackedRunAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TrackedRunAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (syntaxContext, cancellationToken) => TrackedMethodParser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.TrackedMethods);

        // Two outputs, so that a diagnostic whose span moved re-reports without re-emitting any code.
        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.MethodDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, list) =>
        {
            foreach (var diagnostic in list)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var models = results
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.ImplementableMethods);
        context.RegisterSourceOutput(models, static (output, model) =>
            output.AddSource(model.HintName, SourceText.From(TrackedMethodEmitter.Emit(model), System.Text.Encoding.UTF8)));
    }
}
