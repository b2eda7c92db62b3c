using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>
/// Runs a code fix on diagnostics the generator reports, as the IDE does: the generator's diagnostics carry an
/// external-file location (file path and span, since its pipeline model holds no Roslyn <see cref="Location"/>), and
/// the IDE maps them to the document with that path before it asks code fixes. Microsoft.CodeAnalysis.Testing looks
/// documents up by syntax tree only, so it cannot drive this path; this verifier can.
/// </summary>
internal static class GeneratorCodeFixVerifier<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    private const string FilePath = "/0/Test0.cs";

    public static async Task VerifyAsync(string source, string fixedSource, bool fixAll)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithMetadataReferences(TestReferences.All)
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var document = project.AddDocument("Test0.cs", source, filePath: FilePath);
        var fix = new TCodeFix();

        for (var round = 0; ; round++)
        {
            var fixable = (await GeneratorDiagnosticsAsync(document)).Where(d => fix.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
            if (round == 0)
            {
                Assert.NotEmpty(fixable);
            }

            if (fixable.IsEmpty)
            {
                break;
            }

            Assert.True(round < 10, "the fix does not converge");
            var action = fixAll ? await FixAllAsync(fix, document, fixable) : await SingleFixAsync(fix, document, fixable[0]);
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            document = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        }

        Assert.Equal(fixedSource.Replace("\r\n", "\n"), (await document.GetTextAsync()).ToString().Replace("\r\n", "\n"));
        Assert.Empty(await GeneratorDiagnosticsAsync(document));
    }

    /// <summary>The generator's diagnostics, mapped by file path into the document's syntax tree as the IDE maps them.</summary>
    private static async Task<ImmutableArray<Diagnostic>> GeneratorDiagnosticsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var tree = (await document.GetSyntaxTreeAsync())!;
        CSharpGeneratorDriver.Create(new TrackedRunGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        return diagnostics.Select(d =>
        {
            Assert.Equal(FilePath, d.Location.GetLineSpan().Path);
            return Diagnostic.Create(d.Descriptor, Location.Create(tree, d.Location.SourceSpan), d.GetMessage());
        }).ToImmutableArray();
    }

    private static async Task<CodeAction> SingleFixAsync(CodeFixProvider fix, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return Assert.Single(actions);
    }

    private static async Task<CodeAction> FixAllAsync(CodeFixProvider fix, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var first = await SingleFixAsync(fix, document, diagnostics[0]);
        var context = new FixAllContext(document, fix, FixAllScope.Document, first.EquivalenceKey, diagnostics.Select(d => d.Id).Distinct(), new FixedDiagnostics(diagnostics), CancellationToken.None);
        return (await fix.GetFixAllProvider()!.GetFixAsync(context))!;
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
