using System;
using System.IO;
using System.Linq;
using Xunit.Abstractions;

namespace MLflow.Tracking.Package.Tests.DocSnippets;

/// <summary>
/// The docs are executable: every C# block of README.md, docs/ and samples/ compiles through the packed packages
/// (programs also run, and print what the page says they print), is a diagnostic example that DiagnosticsDocsTests
/// checks, or is marked a fragment with a reason. CONTRIBUTING.md ("Writing a doc snippet") describes the markers.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class DocSnippetTests
{
    private readonly PackageFixture _package;
    private readonly ITestOutputHelper _output;

    public DocSnippetTests(PackageFixture package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
        Assert.True(package.Pack.ExitCode == 0, "dotnet pack failed:\n" + package.Pack.Output);
    }

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var project in SnippetCatalog.Load().Projects)
        {
            data.Add(project.Name);
        }

        return data;
    }

    [Fact]
    public void Every_csharp_block_is_a_snippet_a_diagnostic_example_or_a_fragment_with_a_reason()
    {
        var catalog = SnippetCatalog.Load();
        var violations = catalog.Violations.Concat(catalog.ProjectViolations()).ToList();
        Assert.True(violations.Count == 0, "Doc snippet markers to fix (see CONTRIBUTING.md, 'Writing a doc snippet'):\n" + string.Join('\n', violations));

        var compiled = catalog.CompiledBlocks.ToList();
        var run = compiled.Count(b => catalog.Projects.Any(p => p.Runs && p.Sources.Any(s => s.Block == b)));
        _output.WriteLine($"{run} blocks run, {compiled.Count - run} compile-only, {catalog.Fragments.Count} fragments, "
            + $"{catalog.DiagnosticExamples.Count} diagnostic examples (DiagnosticsDocsTests); {catalog.Projects.Count} snippet projects");
        Assert.NotEmpty(compiled);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Snippet_project_compiles_through_the_package_and_prints_what_the_page_says(string name)
    {
        var build = _package.Snippets;
        var project = build.Catalog.Projects.Single(p => p.Name == name);
        var outcome = build.Outcome(name);
        var blocks = string.Join(", ", project.Sources.Select(s => s.Block.Location));
        _output.WriteLine(FormattableString.Invariant(
            $"{build.Catalog.Projects.Count} snippet projects: packing the companions {build.PackTime.TotalSeconds:F1} s, restore and build {build.BuildTime.TotalSeconds:F1} s (restore {build.RestoreTime.TotalSeconds:F1} s), all with the runs {build.TotalTime.TotalSeconds:F1} s"));

        Assert.True(
            outcome.BuildErrors.Count == 0,
            $"The snippet '{name}' ({blocks}) does not compile against the packed package:\n  " + string.Join("\n  ", outcome.BuildErrors)
            + "\nFix the block, or mark it '<!-- snippet: fragment — why -->' if it cannot be a whole program (CONTRIBUTING.md).");
        if (!project.Runs)
        {
            return;
        }

        var run = outcome.Run!;
        Assert.True(
            run.ExitCode == 0,
            $"The snippet '{name}' ({blocks}) exits with {run.ExitCode} when run in a fresh folder:\n{run.Output}");
        Assert.True(
            run.StandardError.Length == 0,
            $"The snippet '{name}' ({blocks}) writes to standard error when run in a fresh folder:\n{run.StandardError}");
        if (project.ExpectedOutput is { } expected)
        {
            var wanted = Normalize(expected.Code);
            var actual = Normalize(run.StandardOutput);
            Assert.True(
                wanted == actual,
                $"The snippet '{name}' ({blocks}) prints something else than its output block at {expected.Location} says.\n"
                + $"--- the page says:\n{wanted}\n--- the program printed:\n{actual}");
        }

    }

    private static string Normalize(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim('\n');
}
