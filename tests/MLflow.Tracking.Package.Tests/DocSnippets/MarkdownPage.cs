using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace MLflow.Tracking.Package.Tests.DocSnippets;

/// <summary>
/// The fenced code blocks of one Markdown page (backtick fences, indented ones in lists too), and the snippet or output
/// markers that stand before something other than a block, so that a misplaced marker is an error, not a no-op.
/// </summary>
internal sealed record MarkdownPage(IReadOnlyList<CodeBlock> Blocks, IReadOnlyList<string> StrayMarkers)
{
    private static readonly Regex Fence = new(@"^(?<indent>[ \t]*)(?<ticks>`{3,})\s*(?<language>[^\s`]*)\s*$", RegexOptions.CultureInvariant);

    private static readonly Regex Comment = new(@"^\s*<!--(?<text>.*?)-->\s*$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    public static MarkdownPage Read(string repositoryRoot, string page)
    {
        var lines = File.ReadAllText(Path.Combine(repositoryRoot, page)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<CodeBlock>();
        var stray = new List<string>();
        string? lastComment = null;
        var lastCommentLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence.Match(lines[i]);
            if (!open.Success)
            {
                if (lines[i].Trim().Length > 0)
                {
                    if (IsMarker(lastComment))
                    {
                        stray.Add($"{page}:{lastCommentLine}: the marker '<!-- {lastComment} -->' must stand right before a fenced block (only blank lines between)");
                    }

                    var comment = Comment.Match(lines[i]);
                    lastComment = comment.Success ? comment.Groups["text"].Value.Trim() : null;
                    lastCommentLine = i + 1;
                }

                continue;
            }

            var indent = open.Groups["indent"].Value.Length;
            var ticks = open.Groups["ticks"].Value;
            var code = new StringBuilder();
            var j = i + 1;
            for (; j < lines.Length; j++)
            {
                var close = Fence.Match(lines[j]);
                if (close.Success && close.Groups["language"].Value.Length == 0 && close.Groups["ticks"].Value.Length >= ticks.Length)
                {
                    break;
                }

                var line = lines[j];
                var strip = 0;
                while (strip < indent && strip < line.Length && (line[strip] == ' ' || line[strip] == '\t'))
                {
                    strip++;
                }

                code.Append(line, strip, line.Length - strip).Append('\n');
            }

            blocks.Add(new CodeBlock(page, i + 1, open.Groups["language"].Value.ToLowerInvariant(), code.ToString(), lastComment));
            lastComment = null;
            i = j;
        }

        if (IsMarker(lastComment))
        {
            stray.Add($"{page}:{lastCommentLine}: the marker '<!-- {lastComment} -->' ends the page; it must stand right before a fenced block");
        }

        return new MarkdownPage(blocks, stray);
    }

    private static bool IsMarker(string? comment) =>
        comment is not null && (comment.StartsWith(SnippetMarker.Prefix, StringComparison.Ordinal) || SnippetMarker.IsOutput(comment));
}
