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
using Microsoft.CodeAnalysis.Formatting;
using MLflow.Tracking.Analyzers;

namespace MLflow.Tracking.CodeFixes;

/// <summary>
/// MLFLOW002: turns an ordinary [TrackedRun] method into the generator's shape: a partial declaration without body that
/// keeps the tracking attributes, a private &lt;Name&gt;Core method with the body and no tracking attributes, and
/// partial containing types.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConvertToPartialCodeFixProvider)), Shared]
public sealed class ConvertToPartialCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string ConvertKey = "MLFLOW002.ConvertToPartial";

    private static readonly ImmutableHashSet<SyntaxKind> AccessibilityAndInheritance = ImmutableHashSet.Create(
        SyntaxKind.PublicKeyword, SyntaxKind.ProtectedKeyword, SyntaxKind.InternalKeyword, SyntaxKind.PrivateKeyword,
        SyntaxKind.VirtualKeyword, SyntaxKind.OverrideKeyword, SyntaxKind.SealedKeyword, SyntaxKind.NewKeyword,
        SyntaxKind.PartialKeyword, SyntaxKind.AbstractKeyword, SyntaxKind.ExternKeyword);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TrackedRunNotPartial);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create((context, document, diagnostics) => ConvertAsync(document, diagnostics, context.CancellationToken));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || FindMethod(root, diagnostic) is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create("Convert to a partial [TrackedRun] declaration with a Core method", c => ConvertAsync(document, new[] { diagnostic }, c)!, ConvertKey),
                diagnostic);
        }
    }

    private static async Task<Document?> ConvertAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var methods = diagnostics.Select(d => FindMethod(root, d)).OfType<MethodDeclarationSyntax>().Distinct().ToList();
        var types = methods.SelectMany(m => m.Ancestors().OfType<TypeDeclarationSyntax>()).Distinct().ToList();
        var editor = new SyntaxEditor(root, document.Project.Solution.Services);
        foreach (var method in methods)
        {
            editor.InsertAfter(method, CreateCore(method));
            editor.ReplaceNode(method, CreateDeclaration(method));
        }

        foreach (var type in types)
        {
            editor.ReplaceNode(type, (current, _) => MakePartial((TypeDeclarationSyntax)current));
        }

        return document.WithSyntaxRoot(editor.GetChangedRoot());
    }

    private static MethodDeclarationSyntax? FindMethod(SyntaxNode root, Diagnostic diagnostic)
    {
        var method = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
        return method is not null && (method.Body is not null || method.ExpressionBody is not null) ? method : null;
    }

    /// <summary>The declaration the generator implements: same attributes and signature, no body, no async.</summary>
    private static MethodDeclarationSyntax CreateDeclaration(MethodDeclarationSyntax method)
    {
        var modifiers = method.Modifiers.Where(m => !m.IsKind(SyntaxKind.AsyncKeyword)).ToList();
        var hasAccessibility = modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword) ||
                                                  m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.PrivateKeyword));
        if (!hasAccessibility)
        {
            // A partial method that returns a value needs explicit accessibility.
            modifiers.Insert(0, SyntaxFactory.Token(SyntaxKind.PrivateKeyword));
        }

        // 'partial' must come last, right before the return type.
        modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword));
        return method
            .WithModifiers(SyntaxFactory.TokenList(modifiers.Select(m => m.WithLeadingTrivia().WithTrailingTrivia(SyntaxFactory.Space))))
            .WithReturnType(method.ReturnType.WithoutLeadingTrivia())
            .WithBody(null)
            .WithExpressionBody(null)
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))
            .WithLeadingTrivia(method.GetLeadingTrivia())
            .WithTrailingTrivia(method.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>The user's body, private, named &lt;Name&gt;Core, without tracking attributes.</summary>
    private static MethodDeclarationSyntax CreateCore(MethodDeclarationSyntax method)
    {
        var modifiers = new List<SyntaxToken> { SyntaxFactory.Token(SyntaxKind.PrivateKeyword) };
        modifiers.AddRange(method.Modifiers.Where(m => !AccessibilityAndInheritance.Contains(m.Kind())));

        var parameters = method.ParameterList.Parameters.Select(p => p.WithAttributeLists(WithoutTrackingAttributes(p.AttributeLists)));
        return method
            .WithAttributeLists(WithoutTrackingAttributes(method.AttributeLists))
            .WithModifiers(SyntaxFactory.TokenList(modifiers.Select(m => m.WithLeadingTrivia().WithTrailingTrivia(SyntaxFactory.Space))))
            .WithReturnType(method.ReturnType.WithoutLeadingTrivia())
            .WithIdentifier(SyntaxFactory.Identifier(method.Identifier.ValueText + "Core"))
            .WithParameterList(method.ParameterList.WithParameters(SyntaxFactory.SeparatedList(parameters, method.ParameterList.Parameters.GetSeparators())))
            .WithLeadingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static SyntaxList<AttributeListSyntax> WithoutTrackingAttributes(SyntaxList<AttributeListSyntax> lists)
    {
        var kept = new List<AttributeListSyntax>();
        foreach (var list in lists)
        {
            var attributes = list.Attributes.Where(a => !TrackingAttributeNames.IsTrackingAttribute(a)).ToList();
            if (attributes.Count > 0)
            {
                kept.Add(list.WithAttributes(SyntaxFactory.SeparatedList(attributes)));
            }
        }

        return SyntaxFactory.List(kept);
    }

    private static TypeDeclarationSyntax MakePartial(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return type;
        }

        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (type.Modifiers.Count == 0)
        {
            // Keep the declaration's leading trivia (comments, indentation) in front of the new modifier.
            return type.WithKeyword(type.Keyword.WithLeadingTrivia())
                .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(type.Keyword.LeadingTrivia)));
        }

        return type.WithModifiers(type.Modifiers.Add(partial.WithLeadingTrivia()));
    }
}
