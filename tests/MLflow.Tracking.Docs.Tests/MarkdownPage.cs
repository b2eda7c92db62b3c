using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace MLflow.Tracking.Docs.Tests;

/// <summary>The links and heading anchors of one Markdown page, read the way GitHub renders it.</summary>
internal sealed partial class MarkdownPage
{
    private MarkdownPage(IReadOnlyList<Link> links, IReadOnlySet<string> anchors)
    {
        Links = links;
        Anchors = anchors;
    }

    /// <summary>Inline (<c>[text](target)</c>) and reference (<c>[id]: target</c>) links outside code.</summary>
    public IReadOnlyList<Link> Links { get; }

    /// <summary>The anchors GitHub gives the page: one per heading (slugged, duplicates numbered) and explicit HTML ids.</summary>
    public IReadOnlySet<string> Anchors { get; }

    public static MarkdownPage Parse(string text)
    {
        var links = new List<Link>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var slugCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFence = false;
        var lines = text.Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1].TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            var prose = InlineCode().Replace(line, string.Empty);
            foreach (Match match in InlineLink().Matches(prose))
            {
                links.Add(new Link(number, match.Groups["target"].Value));
            }

            if (ReferenceLink().Match(prose) is { Success: true } reference)
            {
                links.Add(new Link(number, reference.Groups["target"].Value));
            }

            foreach (Match match in HtmlId().Matches(line))
            {
                anchors.Add(match.Groups["id"].Value);
            }

            if (Heading().Match(line) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups["text"].Value);
                var seen = slugCounts.GetValueOrDefault(slug);
                slugCounts[slug] = seen + 1;
                anchors.Add(seen == 0 ? slug : slug + "-" + seen.ToString(CultureInfo.InvariantCulture));
            }
        }

        return new MarkdownPage(links, anchors);
    }

    /// <summary>
    /// GitHub's heading slug: the heading's rendered text (code spans keep their content, links their text),
    /// lower-cased, with every character but letters, digits, marks, <c>-</c>, <c>_</c> and spaces removed, and
    /// each space turned into <c>-</c>.
    /// </summary>
    public static string Slug(string heading)
    {
        var text = LinkInHeading().Replace(heading, "${text}").Replace("`", string.Empty, StringComparison.Ordinal).Trim();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var category = char.GetUnicodeCategory(c);
            if (c == ' ')
            {
                slug.Append('-');
            }
            else if (c == '-' || c == '_' || char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                slug.Append(c);
            }
        }

        return slug.ToString();
    }

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    // [text](target "title") and ![alt](target); the target ends at whitespace or the closing parenthesis.
    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\((?<target><[^>]*>|[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s+(?<target>\S+)")]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkInHeading();

    [GeneratedRegex(@"<a\s+(?:name|id)=""(?<id>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlId();
}

/// <summary>A link target and the line it is on.</summary>
internal sealed record Link(int Line, string Target);
