using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace MLflow.Tracking.Package.Tests.Consumers;

/// <summary>
/// One user shape of the corpus (Corpus/&lt;Group&gt;/&lt;Name&gt;.cs) and the diagnostics it declares:
/// <c>// expect: MLFLOW001</c> at the end of a line; several ids separated by commas; an id ending in <c>?</c> is
/// allowed on that line but not required.
/// </summary>
internal sealed record CorpusFile(string Group, string Name, string Path, IReadOnlyList<CorpusFile.Expectation> Expectations)
{
    private static readonly Regex ExpectComment = new(@"//\s*expect:\s*(?<ids>[A-Za-z0-9?,\s]+)$", RegexOptions.CultureInvariant);

    /// <summary>A diagnostic id expected (or, when optional, tolerated) on a 1-based line.</summary>
    public sealed record Expectation(int Line, string Id, bool Optional);

    public static IReadOnlyList<CorpusFile> Load(string corpusRoot, string group) =>
        Directory.GetFiles(System.IO.Path.Combine(corpusRoot, group), "*.cs")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => Parse(group, p))
            .ToList();

    private static CorpusFile Parse(string group, string path)
    {
        var expectations = new List<Expectation>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var match = ExpectComment.Match(lines[i].TrimEnd());
            if (!match.Success)
            {
                continue;
            }

            foreach (var raw in match.Groups["ids"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var optional = raw.EndsWith('?');
                expectations.Add(new Expectation(i + 1, optional ? raw[..^1] : raw, optional));
            }
        }

        return new CorpusFile(group, System.IO.Path.GetFileName(path), path, expectations);
    }
}
