using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using MLflow.Tracking.Analyzers;

namespace MLflow.Tracking.CodeFixes;

/// <summary>
/// MLFLOW001 on a [LogParam] parameter: stop logging it, or log only its hash or its length.
/// Direct logging calls get no automatic fix: what to log instead is the caller's decision.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretLoggedCodeFixProvider)), Shared]
public sealed class SecretLoggedCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of "remove [LogParam]".</summary>
    public const string RemoveKey = "MLFLOW001.RemoveLogParam";

    /// <summary>Equivalence key of "Redact = ParamRedaction.Hash".</summary>
    public const string HashKey = "MLFLOW001.RedactHash";

    /// <summary>Equivalence key of "Redact = ParamRedaction.Length".</summary>
    public const string LengthKey = "MLFLOW001.RedactLength";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SecretLogged);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || FindLogParam(root, diagnostic) is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create("Do not log this parameter (remove [LogParam])", c => ApplyAsync(document, new[] { diagnostic }, RemoveKey, c), RemoveKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create("Log only a hash (Redact = ParamRedaction.Hash)", c => ApplyAsync(document, new[] { diagnostic }, HashKey, c), HashKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create("Log only the length (Redact = ParamRedaction.Length)", c => ApplyAsync(document, new[] { diagnostic }, LengthKey, c), LengthKey),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        context.CodeActionEquivalenceKey is { } key
            ? await ApplyAsync(document, diagnostics, key, context.CancellationToken).ConfigureAwait(false)
            : document;

    private static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, string key, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Several members of one flattened object report on the same parameter: fix each attribute once.
        var attributes = diagnostics.Select(d => FindLogParam(root, d)).OfType<AttributeSyntax>().Distinct().ToList();
        var editor = new SyntaxEditor(root, document.Project.Solution.Services);
        foreach (var attribute in attributes)
        {
            if (key == RemoveKey)
            {
                AttributeRemoval.Remove(editor, attribute);
            }
            else
            {
                editor.ReplaceNode(attribute, WithRedaction(attribute, key == HashKey ? "Hash" : "Length"));
            }
        }

        return document.WithSyntaxRoot(editor.GetChangedRoot());
    }

    private static AttributeSyntax? FindLogParam(SyntaxNode root, Diagnostic diagnostic)
    {
        var parameter = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<ParameterSyntax>().FirstOrDefault();
        if (parameter is null || parameter.Identifier.Span != diagnostic.Location.SourceSpan)
        {
            return null;
        }

        return parameter.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(TrackingAttributeNames.IsLogParam);
    }

    private static AttributeSyntax WithRedaction(AttributeSyntax attribute, string member)
    {
        var value = SyntaxFactory.ParseExpression("global::MLflow.Tracking.ParamRedaction." + member).WithAdditionalAnnotations(Simplifier.Annotation);
        var redact = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals("Redact"), null, value);
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var kept = arguments.Where(a => a.NameEquals?.Name.Identifier.ValueText != "Redact").ToList();
        kept.Add(redact);
        return attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(kept)));
    }
}
