using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using MLflow.Tracking.Analyzers;

namespace MLflow.Tracking.CodeFixes;

/// <summary>MLFLOW003: remove a [LogParam], [return: LogMetric] or [return: LogArtifact] that no [TrackedRun] uses.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TrackingAttributeWithoutRunCodeFixProvider)), Shared]
public sealed class TrackingAttributeWithoutRunCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string RemoveKey = "MLFLOW003.RemoveAttribute";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TrackingAttributeWithoutRun);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var attribute = root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
            if (root is null || attribute is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the unused tracking attribute",
                    _ =>
                    {
                        var editor = new SyntaxEditor(root, document.Project.Solution.Services);
                        AttributeRemoval.Remove(editor, attribute);
                        return Task.FromResult(document.WithSyntaxRoot(editor.GetChangedRoot()));
                    },
                    RemoveKey),
                diagnostic);
        }
    }
}
