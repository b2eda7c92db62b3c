using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace MLflow.Tracking.Package.Tests.DocSnippets;

/// <summary>
/// Every C# block of the repository's Markdown (the top-level pages, <c>docs/**</c>, <c>samples/**</c>) sorted under
/// exactly one rule: a diagnostic example (docs/diagnostics/MLFLOWnnn.md, compiled with its expected diagnostics by
/// the analyzer tests' DiagnosticsDocsTests), a fragment with a reason, or part of a snippet project that is compiled
/// through the packed package (and run, when it is a program). What breaks the marker rules is a violation.
/// </summary>
internal sealed class SnippetCatalog
{
    private static readonly Regex DiagnosticPage = new(@"^docs/diagnostics/MLFLOW\d{3}\.md$", RegexOptions.CultureInvariant);

    private SnippetCatalog(string repositoryRoot)
    {
        RepositoryRoot = repositoryRoot;
        var projects = new Dictionary<string, SnippetProject>(StringComparer.Ordinal);
        foreach (var page in Pages(repositoryRoot))
        {
            var markdown = MarkdownPage.Read(repositoryRoot, page);
            Violations.AddRange(markdown.StrayMarkers);
            CodeBlock? previousCSharp = null;
            foreach (var block in markdown.Blocks)
            {
                if (SnippetMarker.IsOutput(block.CommentBefore))
                {
                    AttachOutput(block, previousCSharp, projects);
                    continue;
                }

                var marker = SnippetMarker.Parse(block.CommentBefore);
                if (!block.IsCSharp)
                {
                    if (marker is not null)
                    {
                        Violations.Add($"{block.Location}: a snippet marker stands before a '{block.Language}' block; only C# blocks are snippets");
                    }

                    continue;
                }

                previousCSharp = block;
                if (DiagnosticPage.IsMatch(page))
                {
                    Classify(block, marker);
                    continue;
                }

                marker ??= SnippetMarker.None;
                if (marker.Errors.Count > 0)
                {
                    Violations.AddRange(marker.Errors.Select(e => $"{block.Location}: {e}"));
                    continue;
                }

                if (marker.Kind == SnippetKind.Fragment)
                {
                    Fragments.Add(block);
                    continue;
                }

                var names = marker.Projects.Count > 0 ? marker.Projects : [AutomaticName(block)];
                foreach (var name in names)
                {
                    if (!projects.TryGetValue(name, out var project))
                    {
                        project = new SnippetProject(name);
                        projects.Add(name, project);
                    }

                    AddTo(project, block, marker);
                }
            }
        }

        Projects = projects.Values.ToList();
    }

    public string RepositoryRoot { get; }

    public IReadOnlyList<SnippetProject> Projects { get; }

    public List<CodeBlock> Fragments { get; } = [];

    public List<CodeBlock> DiagnosticExamples { get; } = [];

    public List<string> Violations { get; } = [];

    public static SnippetCatalog Load() => new(PackageFixture.FindRepositoryRoot());

    /// <summary>The C# blocks that are compiled through the package: each once, though it may serve several projects.</summary>
    public IEnumerable<CodeBlock> CompiledBlocks => Projects.SelectMany(p => p.Sources).Select(s => s.Block).Distinct();

    private static IEnumerable<string> Pages(string root)
    {
        var top = Directory.GetFiles(root, "*.md", SearchOption.TopDirectoryOnly);
        var nested = new[] { "docs", "samples" }
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.md", SearchOption.AllDirectories));
        return top.Concat(nested)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj" or "node_modules"))
            .OrderBy(path => path, StringComparer.Ordinal);
    }

    private static string AutomaticName(CodeBlock block) =>
        Regex.Replace(block.Page[..^".md".Length], "[^A-Za-z0-9]+", "-") + "-L" + block.FenceLine;

    /// <summary>A diagnostic page's blocks belong to DiagnosticsDocsTests, which reads exactly <c>```csharp</c> fences.</summary>
    private void Classify(CodeBlock block, SnippetMarker? marker)
    {
        if (marker is not null)
        {
            Violations.Add($"{block.Location}: the examples of a diagnostic page are checked by DiagnosticsDocsTests ('// MLFLOWnnn' comments), not by snippet markers");
        }
        else if (block.Language != "csharp")
        {
            Violations.Add($"{block.Location}: a diagnostic page's example must be fenced as ```csharp (DiagnosticsDocsTests reads only those), not ```{block.Language}");
        }
        else
        {
            DiagnosticExamples.Add(block);
        }
    }

    private void AddTo(SnippetProject project, CodeBlock block, SnippetMarker marker)
    {
        var fileName = marker.File ?? $"Snippet{project.Sources.Count + 1}.cs";
        if (project.Sources.Any(s => string.Equals(s.FileName, fileName, StringComparison.OrdinalIgnoreCase)))
        {
            Violations.Add($"{block.Location}: project '{project.Name}' already has a file named {fileName}");
            return;
        }

        project.Sources.Add(new SnippetSource(block, fileName));
        foreach (var package in marker.Packages)
        {
            project.Packages.Add(package);
        }

        project.Sdk ??= marker.Sdk;
        if (marker.Kind == SnippetKind.CompileOnly)
        {
            project.CompileOnlyReason ??= marker.Reason;
        }
    }

    private void AttachOutput(CodeBlock output, CodeBlock? previousCSharp, Dictionary<string, SnippetProject> projects)
    {
        var owners = previousCSharp is null
            ? []
            : projects.Values.Where(p => p.Sources.Any(s => s.Block == previousCSharp)).ToList();
        if (owners.Count == 0)
        {
            Violations.Add($"{output.Location}: an output block must follow a compiled C# block of the same page");
            return;
        }

        foreach (var project in owners)
        {
            if (project.ExpectedOutput is not null)
            {
                Violations.Add($"{output.Location}: project '{project.Name}' already has an output block ({project.ExpectedOutput.Location})");
            }

            project.ExpectedOutput = output;
        }
    }

    /// <summary>Checks that need whole projects: an expected output only where the project runs.</summary>
    public IEnumerable<string> ProjectViolations() =>
        Projects
            .Where(p => p.ExpectedOutput is not null && !p.Runs)
            .Select(p => $"{p.ExpectedOutput!.Location}: project '{p.Name}' has an output block but is not run ({(p.IsProgram ? "it is compile-only" : "it has no top-level statements")})");
}
