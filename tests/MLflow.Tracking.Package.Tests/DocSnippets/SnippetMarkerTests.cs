using System.IO;

namespace MLflow.Tracking.Package.Tests.DocSnippets;

/// <summary>The marker rules themselves, on made-up pages: no package, no build.</summary>
public sealed class SnippetMarkerTests
{
    [Theory]
    [InlineData("snippet: fragment")]
    [InlineData("snippet: fragment —")]
    [InlineData("snippet: compile-only")]
    public void A_fragment_or_compile_only_block_without_a_reason_is_an_error(string comment) =>
        Assert.Contains(SnippetMarker.Parse(comment)!.Errors, e => e.Contains("needs a reason", System.StringComparison.Ordinal));

    [Fact]
    public void A_marker_names_projects_a_file_packages_and_the_sdk()
    {
        var marker = SnippetMarker.Parse("snippet: compile-only project=web,api file=Program.cs packages=MLflow.Tracking.AspNetCore sdk=web - serves forever")!;

        Assert.Empty(marker.Errors);
        Assert.Equal(SnippetKind.CompileOnly, marker.Kind);
        Assert.Equal(["web", "api"], marker.Projects);
        Assert.Equal("Program.cs", marker.File);
        Assert.Equal(["MLflow.Tracking.AspNetCore"], marker.Packages);
        Assert.Equal("web", marker.Sdk);
        Assert.Equal("serves forever", marker.Reason);
    }

    [Theory]
    [InlineData("snippet: fragmnet — typo")]
    [InlineData("snippet: file=Program.txt")]
    [InlineData("snippet: sdk=razor")]
    [InlineData("snippet: fragment project=a — a fragment is never compiled")]
    public void A_word_the_syntax_does_not_know_is_an_error(string comment) =>
        Assert.NotEmpty(SnippetMarker.Parse(comment)!.Errors);

    [Fact]
    public void An_ordinary_comment_is_no_marker() =>
        Assert.Null(SnippetMarker.Parse("TODO: snippet: fragment"));

    [Fact]
    public void A_marker_that_stands_before_prose_is_reported_with_its_line()
    {
        var root = Directory.CreateTempSubdirectory("snippet-marker-tests").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "page.md"), "# Page\n\n<!-- snippet: fragment — why -->\nSome prose.\n\n<!-- output -->\n```text\nhi\n```\n");

            var page = MarkdownPage.Read(root, "page.md");

            Assert.Equal(["page.md:3: the marker '<!-- snippet: fragment — why -->' must stand right before a fenced block (only blank lines between)"], page.StrayMarkers);
            Assert.Equal("output", Assert.Single(page.Blocks).CommentBefore);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
