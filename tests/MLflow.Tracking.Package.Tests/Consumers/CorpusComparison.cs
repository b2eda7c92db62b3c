using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace MLflow.Tracking.Package.Tests.Consumers;

/// <summary>What a corpus group declared against what its build printed: missing, unexpected, and counts per id.</summary>
internal sealed class CorpusComparison
{
    public CorpusComparison(string group, IReadOnlyList<CorpusFile> files, DotnetCli.Result build)
    {
        Group = group;
        Build = build;
        (var located, Unlocated) = BuildDiagnostic.Parse(build.Output);
        Reported = located;

        var unmatched = located.ToList();
        foreach (var file in files)
        {
            foreach (var expectation in file.Expectations.Where(e => !e.Optional))
            {
                var match = unmatched.FirstOrDefault(d => IsAt(d, file, expectation));
                if (match is null)
                {
                    Missing.Add($"{file.Name}({expectation.Line}): {expectation.Id}");
                }
                else
                {
                    unmatched.Remove(match);
                }
            }

            foreach (var expectation in file.Expectations.Where(e => e.Optional))
            {
                unmatched.RemoveAll(d => IsAt(d, file, expectation));
            }
        }

        Unexpected.AddRange(unmatched.Select(d => d.ToString()));
    }

    public string Group { get; }

    public DotnetCli.Result Build { get; }

    public IReadOnlyList<BuildDiagnostic> Reported { get; }

    public IReadOnlyList<string> Unlocated { get; }

    public List<string> Missing { get; } = new();

    public List<string> Unexpected { get; } = new();

    public bool Matches => Missing.Count == 0 && Unexpected.Count == 0 && Unlocated.Count == 0;

    /// <summary>"MLFLOW001 warning ×12, CS8795 error ×1": what the user saw, for the test log.</summary>
    public string Counts() =>
        string.Join(", ", Reported.GroupBy(d => d.Id + " " + d.Severity).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"));

    public string Report()
    {
        var text = new StringBuilder();
        text.Append("Corpus group ").Append(Group).Append(": dotnet build exited ").Append(Build.ExitCode).Append("; printed ").Append(Counts()).Append('\n');
        Section(text, "Expected, not reported", Missing);
        Section(text, "Reported, not expected", Unexpected);
        Section(text, "Reported without a location", Unlocated);
        text.Append("Everything reported:\n");
        foreach (var diagnostic in Reported)
        {
            text.Append("  ").Append(diagnostic).Append('\n');
        }

        return text.ToString();
    }

    private static bool IsAt(BuildDiagnostic diagnostic, CorpusFile file, CorpusFile.Expectation expectation) =>
        diagnostic.Id == expectation.Id && diagnostic.Line == expectation.Line &&
        string.Equals(Path.GetFileName(diagnostic.File), file.Name, StringComparison.Ordinal) &&
        string.Equals(Path.GetFileName(Path.GetDirectoryName(diagnostic.File)), file.Group, StringComparison.Ordinal);

    private static void Section(StringBuilder text, string title, IReadOnlyCollection<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        text.Append(title).Append(":\n");
        foreach (var line in lines)
        {
            text.Append("  ").Append(line).Append('\n');
        }
    }
}
