using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>
/// Compiles user sources the way a real build does: the package's generator runs first, then every analyzer of
/// MLflow.Tracking.Analyzers judges the compilation the generator produced (<see cref="CompilationWithAnalyzers"/>).
/// Analyzers that only ever saw the user's source alone missed that a [GeneratedCode] on the generated half silenced
/// them all; this is the composition users get.
/// </summary>
internal static class GeneratedBuild
{
    public const string UserFilePath = "/0/Test0.cs";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Every analyzer the package ships, found by reflection so a new rule is covered without editing a list.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        typeof(TrackingAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Runs generator then analyzers; returns the warnings and errors a command-line build would print.</summary>
    public static async Task<BuildResult> RunAsync(string source, string? editorConfig = null, CancellationToken cancellationToken = default)
    {
        var tree = CSharpSyntaxTree.ParseText(source, ParseOptions, path: UserFilePath, encoding: Encoding.UTF8, cancellationToken: cancellationToken);
        var compilation = CSharpCompilation.Create(
            "AnalyzedUser",
            new[] { tree },
            TestReferences.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                allowUnsafe: true));

        var options = new TestConfigOptionsProvider(editorConfig);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new TrackedRunGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            optionsProvider: options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics, cancellationToken);

        var withAnalyzers = generated.WithAnalyzers(Analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options));
        var analyzerDiagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var compilerDiagnostics = generated.GetDiagnostics(cancellationToken);

        // csc runs the analyzers only past its declaration gate (CommonCompiler.CompileAndEmit): an unsuppressable
        // error (default severity Error, tagged NotConfigurable, as every compiler error is) among the parse,
        // declaration or generator diagnostics ends the build before any analyzer diagnostic is reported (CS8795 for
        // a partial method the generator did not implement is such an error). Errors inside method bodies do not.
        // The IDE shows the analyzer diagnostics either way; a rule that only an analyzer reports is then invisible
        // on the command line.
        var compiles = !generated.GetParseDiagnostics(cancellationToken)
            .Concat(generated.GetDeclarationDiagnostics(cancellationToken))
            .Concat(generatorDiagnostics)
            .Any(IsUnsuppressableError);
        var all = generatorDiagnostics
            .Concat(compilerDiagnostics)
            .Concat(compiles ? analyzerDiagnostics : ImmutableArray<Diagnostic>.Empty)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        var hidden = compiles ? ImmutableArray<Diagnostic>.Empty : analyzerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return new BuildResult(all, hidden, driver.GetRunResult().GeneratedTrees.Length, generated);
    }

    /// <summary>
    /// What a command-line build reports; the analyzer diagnostics it would not show because of a declaration error
    /// (an IDE shows them); how many files the generator wrote; and the compilation with them.
    /// </summary>
    public sealed record BuildResult(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Diagnostic> HiddenByErrors, int GeneratedFileCount, Compilation Compilation);

    private static bool IsUnsuppressableError(Diagnostic diagnostic) =>
        diagnostic.DefaultSeverity == DiagnosticSeverity.Error && diagnostic.Descriptor.CustomTags.Contains(WellKnownDiagnosticTags.NotConfigurable);

    /// <summary>
    /// Where a diagnostic points. The generator's own diagnostics carry a location rebuilt from a path and span (its
    /// equatable model keeps no SyntaxTree), so files are compared by path, not by tree.
    /// </summary>
    public static string PathOf(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().Path;

    /// <summary>One line per diagnostic, with the source line it points at (generated lines included).</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics, Compilation compilation) =>
        string.Join("\n", diagnostics.Select(d =>
        {
            var tree = d.Location.SourceTree ?? compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == PathOf(d));
            var line = tree is null ? string.Empty : tree.GetText().Lines[d.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
            return $"  {d} :: {line}";
        }));
}
