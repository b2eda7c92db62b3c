using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace MLflow.Tracking.Package.Tests.Consumers;

/// <summary>A warning or error as <c>dotnet build</c> prints it: <c>path(line,col): warning ID: message [project]</c>.</summary>
internal sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    private static readonly Regex Format = new(
        @"^\s*(?<file>[^\s(][^(]*?)\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\):\s+(?<severity>warning|error)\s+(?<id>[A-Za-z]+\d+)\s*:\s*(?<message>.*?)(?:\s+\[[^\]]*\])?\s*$",
        RegexOptions.CultureInvariant);

    private static readonly Regex Unlocated = new(@":\s+(warning|error)\s+[A-Za-z]+\d+\s*:", RegexOptions.CultureInvariant);

    /// <summary>The located diagnostics of a build's output, each once, and the lines of unlocated ones.</summary>
    public static (IReadOnlyList<BuildDiagnostic> Located, IReadOnlyList<string> Unlocated) Parse(string output)
    {
        var located = new List<BuildDiagnostic>();
        var unlocated = new List<string>();
        foreach (var line in output.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            var match = Format.Match(line);
            if (match.Success)
            {
                located.Add(new BuildDiagnostic(
                    match.Groups["file"].Value.Trim(),
                    int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
                    int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture),
                    match.Groups["severity"].Value,
                    match.Groups["id"].Value,
                    match.Groups["message"].Value));
            }
            else if (Unlocated.IsMatch(line) && !line.Contains("NU1603", StringComparison.Ordinal))
            {
                unlocated.Add(line.Trim());
            }
        }

        // MSBuild may print a diagnostic twice (once per logger pass); one occurrence is one diagnostic.
        return (located.Distinct().ToList(), unlocated.Distinct().ToList());
    }

    public override string ToString() => $"{System.IO.Path.GetFileName(File)}({Line},{Column}): {Severity} {Id}: {Message}";
}
