using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MLflow.Tracking.Docs.Tests;

/// <summary>Every relative link in README.md, the other top-level pages and docs/ leads somewhere, anchors included.</summary>
public sealed class LinkTests
{
    public static TheoryData<string> Pages() => new(Repository.MarkdownPages());

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_resolves_to_a_file_and_an_existing_anchor(string page)
    {
        var broken = new List<string>();
        var source = MarkdownPage.Parse(File.ReadAllText(Path.Combine(Repository.Root, page)));
        foreach (var link in source.Links)
        {
            if (Problem(page, source, link.Target) is { } problem)
            {
                broken.Add($"{page}:{link.Line}: ({link.Target}) {problem}");
            }
        }

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Every_page_under_docs_is_linked_from_some_page()
    {
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in Repository.MarkdownPages())
        {
            foreach (var link in MarkdownPage.Parse(File.ReadAllText(Path.Combine(Repository.Root, page))).Links)
            {
                if (!IsExternal(link.Target) && Split(link.Target).Path is { Length: > 0 } path)
                {
                    linked.Add(Path.GetRelativePath(Repository.Root, Path.GetFullPath(Path.Combine(Repository.Root, Path.GetDirectoryName(page)!, path))).Replace('\\', '/'));
                }
            }
        }

        var unreachable = Repository.MarkdownPages().Where(page => page.StartsWith("docs/", StringComparison.Ordinal) && !linked.Contains(page)).ToArray();
        Assert.True(unreachable.Length == 0, "Linked from nowhere: " + string.Join(", ", unreachable));
    }

    [Theory]
    [InlineData("Quickstart (60 seconds)", "quickstart-60-seconds")]
    [InlineData("`[LogParam]` / `[LogParam(\"name\")]`", "logparam--logparamname")]
    [InlineData("Experiments — `client.Experiments`", "experiments--clientexperiments")]
    [InlineData("1. Reference the package", "1-reference-the-package")]
    [InlineData("snake_case and [a link](x.md)", "snake_case-and-a-link")]
    public void Heading_slugs_follow_GitHub(string heading, string slug) => Assert.Equal(slug, MarkdownPage.Slug(heading));

    [Fact]
    public void A_missing_file_and_a_missing_anchor_are_both_reported()
    {
        var page = MarkdownPage.Parse("# Title\n\n[a](no-such-file.md) [b](#title) [c](#nope) `[d](ignored.md)`\n```\n[e](in-code.md)\n```\n");

        Assert.Equal(new[] { "no-such-file.md", "#title", "#nope" }, page.Links.Select(link => link.Target));
        Assert.NotNull(Problem("README.md", page, "no-such-file.md"));
        Assert.Null(Problem("README.md", page, "#title"));
        Assert.NotNull(Problem("README.md", page, "#nope"));
    }

    private static bool IsExternal(string target) =>
        target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal);

    private static (string Path, string? Anchor) Split(string target)
    {
        target = target.Trim('<', '>');
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (target, null) : (target.Substring(0, hash), target.Substring(hash + 1));
    }

    private static string? Problem(string page, MarkdownPage source, string target)
    {
        if (IsExternal(target))
        {
            return null;
        }

        var (path, anchor) = Split(target);
        var anchors = source.Anchors;
        if (path.Length > 0)
        {
            var full = Path.GetFullPath(Path.Combine(Repository.Root, Path.GetDirectoryName(page)!, Uri.UnescapeDataString(path)));
            if (Directory.Exists(full))
            {
                // GitHub shows a folder's README.md; a folder without one is a bare file list.
                return File.Exists(Path.Combine(full, "README.md")) ? null : "is a folder without a README.md";
            }

            if (!File.Exists(full))
            {
                return "names no file";
            }

            if (anchor is null)
            {
                return null;
            }

            if (!full.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                // Line anchors (#L10) of source files are GitHub's, not the page's.
                return null;
            }

            anchors = MarkdownPage.Parse(File.ReadAllText(full)).Anchors;
        }

        return anchor is null || anchors.Contains(anchor) ? null : $"has no heading for #{anchor}";
    }
}
