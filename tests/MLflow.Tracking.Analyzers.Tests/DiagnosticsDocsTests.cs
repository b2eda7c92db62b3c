using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>
/// Every <c>```csharp</c> block of docs/diagnostics/*.md is built like user code (generator, compiler, every analyzer;
/// the usings of a project with ImplicitUsings plus <c>using MLflow.Tracking;</c>). A line ending in a comment naming
/// an id (<c>// MLFLOW001 ...</c>) must get exactly that diagnostic; every other line, and every block with no such
/// comment (the fixes), must get none.
/// </summary>
public class DiagnosticsDocsTests
{
    private static readonly Regex ExpectedId = new(@"//.*?\b(MLFLOW\d{3}|CS\d{4})\b", RegexOptions.CultureInvariant);

    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in Directory.GetFiles(DocsFolder, "MLFLOW*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            var blocks = CSharpBlocks(File.ReadAllText(page)).Count;
            for (var i = 0; i < blocks; i++)
            {
                data.Add(Path.GetFileName(page), i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public Task Example_reports_what_the_page_says(string page, int block)
    {
        var code = CSharpBlocks(File.ReadAllText(Path.Combine(DocsFolder, page)))[block];
        var markup = new StringBuilder();
        foreach (var line in code.Split('\n'))
        {
            var match = ExpectedId.Match(line);
            var codePart = match.Success ? line.Substring(0, line.IndexOf("//", StringComparison.Ordinal)).TrimEnd() : line;
            if (match.Success && codePart.Trim().Length > 0)
            {
                // The whole code of the line is the marked span: the rule may point at any token on it.
                var indent = codePart.Length - codePart.TrimStart().Length;
                markup.Append(codePart, 0, indent).Append("{|").Append(match.Groups[1].Value).Append(':').Append(codePart.TrimStart()).Append("|}");
            }
            else
            {
                markup.Append(line);
            }

            markup.Append('\n');
        }

        return BuildVerifier.VerifyAsync(markup.ToString());
    }

    [Fact]
    public void Every_page_has_an_example_that_reports_its_own_id()
    {
        foreach (var page in Directory.GetFiles(DocsFolder, "MLFLOW*.md"))
        {
            var id = Path.GetFileNameWithoutExtension(page);
            Assert.True(
                CSharpBlocks(File.ReadAllText(page)).Any(b => b.Split('\n').Any(l => ExpectedId.Match(l) is { Success: true } m && m.Groups[1].Value == id)),
                page + " has no csharp example marked '// " + id + "'.");
        }
    }

    [Fact]
    public void Every_released_rule_has_a_page_and_a_row_in_the_index()
    {
        var releases = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "Analyzers", "MLflow.Tracking.Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(RepositoryRoot, "src", "Analyzers", "MLflow.Tracking.Analyzers", "AnalyzerReleases.Shipped.md"));
        var released = Regex.Matches(releases, @"^(MLFLOW\d{3})\s*\|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        var pages = Directory.GetFiles(DocsFolder, "MLFLOW*.md").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var index = File.ReadAllText(Path.Combine(DocsFolder, "README.md"));

        Assert.Subset(pages!, released);
        foreach (var id in pages)
        {
            Assert.Contains("[" + id + "](" + id + ".md)", index, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string DocsFolder => Path.Combine(RepositoryRoot, "docs", "diagnostics");

    private static List<string> CSharpBlocks(string markdown) =>
        Regex.Matches(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), @"^```csharp\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .ToList();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MLflow.Tracking.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MLflow.Tracking.sln not found above " + AppContext.BaseDirectory);
    }
}
