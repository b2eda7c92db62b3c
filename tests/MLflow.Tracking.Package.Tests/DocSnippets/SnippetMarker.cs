using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace MLflow.Tracking.Package.Tests.DocSnippets;

/// <summary>How a C# block is tested, as its <c>&lt;!-- snippet: ... --&gt;</c> comment says.</summary>
internal enum SnippetKind
{
    /// <summary>Compiled through the packed package; run in a fresh folder when it is a program.</summary>
    Compiled,

    /// <summary>Compiled, never run (it needs a server, waits forever, ...); the marker gives the reason.</summary>
    CompileOnly,

    /// <summary>Neither compiled nor run (part of a larger program); the marker gives the reason.</summary>
    Fragment,
}

/// <summary>
/// The parsed marker of a block: <c>&lt;!-- snippet: [fragment|compile-only] [project=a,b] [file=Name.cs]
/// [packages=A,B] [sdk=web] [— reason] --&gt;</c>. A block without a marker is compiled alone.
/// </summary>
internal sealed record SnippetMarker(
    SnippetKind Kind,
    IReadOnlyList<string> Projects,
    string? File,
    IReadOnlyList<string> Packages,
    string? Sdk,
    string? Reason,
    IReadOnlyList<string> Errors)
{
    public const string Prefix = "snippet:";

    /// <summary>The comment that marks the expected standard output of the run before it: <c>&lt;!-- output --&gt;</c>.</summary>
    public const string Output = "output";

    private static readonly Regex Name = new(@"^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant);

    public static readonly SnippetMarker None = new(SnippetKind.Compiled, [], null, [], null, null, []);

    /// <summary>The marker of a comment's text (between <c>&lt;!--</c> and <c>--&gt;</c>), or null when it is not one.</summary>
    public static SnippetMarker? Parse(string? comment)
    {
        if (comment is null || !comment.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var text = comment.Substring(Prefix.Length);
        string? reason = null;
        var dash = IndexOfReason(text, out var dashLength);
        if (dash >= 0)
        {
            reason = text.Substring(dash + dashLength).Trim();
            text = text.Substring(0, dash);
        }

        var kind = SnippetKind.Compiled;
        var projects = new List<string>();
        var packages = new List<string>();
        string? file = null;
        string? sdk = null;
        var errors = new List<string>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? word : word.Substring(0, equals);
            var value = equals < 0 ? null : word.Substring(equals + 1);
            switch (key)
            {
                case "fragment" when value is null:
                    kind = SnippetKind.Fragment;
                    break;
                case "compile-only" when value is null:
                    kind = SnippetKind.CompileOnly;
                    break;
                case "project" when value is not null:
                    projects.AddRange(Names(value, key, errors));
                    break;
                case "packages" when value is not null:
                    packages.AddRange(Names(value, key, errors));
                    break;
                case "file" when value is not null && value.EndsWith(".cs", StringComparison.Ordinal) && Name.IsMatch(value):
                    file = value;
                    break;
                case "sdk" when value is "web":
                    sdk = value;
                    break;
                default:
                    errors.Add($"'{word}' is not part of the marker syntax (fragment, compile-only, project=a,b, file=Name.cs, packages=A,B, sdk=web, then '— reason')");
                    break;
            }
        }

        if (kind != SnippetKind.Compiled && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add($"a {(kind == SnippetKind.Fragment ? "fragment" : "compile-only")} block needs a reason after '—' (why it is not {(kind == SnippetKind.Fragment ? "compiled" : "run")})");
        }

        if (kind == SnippetKind.Fragment && (projects.Count > 0 || file is not null || packages.Count > 0 || sdk is not null))
        {
            errors.Add("a fragment is not compiled, so project=, file=, packages= and sdk= mean nothing on it");
        }

        return new SnippetMarker(kind, projects, file, packages, sdk, reason, errors);
    }

    public static bool IsOutput(string? comment) => comment == Output;

    private static int IndexOfReason(string text, out int length)
    {
        foreach (var separator in new[] { "—", "–", " - " })
        {
            var index = text.IndexOf(separator, StringComparison.Ordinal);
            if (index >= 0)
            {
                length = separator.Length;
                return index;
            }
        }

        length = 0;
        return -1;
    }

    private static IEnumerable<string> Names(string list, string key, List<string> errors)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0 || names.Any(n => !Name.IsMatch(n)))
        {
            errors.Add($"{key}= takes a comma-separated list of names (letters, digits, '.', '-', '_'), not '{list}'");
            return [];
        }

        return names;
    }
}
