using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>
/// Asserts the exact diagnostics of a real build (generator, compiler, every analyzer) of a test source whose markup
/// (<c>{|MLFLOW001:password|}</c>) marks each expected one. A diagnostic matches a mark when the id and the line are the
/// same and its span meets the marked span; anything reported and not marked fails the test, compiler errors in the
/// generated code included. As on the command line, analyzer diagnostics count only when no declaration error stops
/// the compiler before the analyzers run (see <see cref="GeneratedBuild"/>).
/// </summary>
internal static class BuildVerifier
{
    public const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing MLflow.Tracking;\n";

    /// <summary>Verifies <paramref name="markup"/> (with <see cref="Usings"/> before it); returns the reported diagnostics.</summary>
    /// <param name="markup">The user source with expected diagnostics marked.</param>
    /// <param name="editorConfig">Option lines (<c>key = value</c>) as an .editorconfig would pass them.</param>
    /// <param name="messages">Fragments that must each appear in the message of some reported diagnostic.</param>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, string? editorConfig = null, params string[] messages)
    {
        var (source, expected) = DiagnosticMarkup.Parse(Usings + markup);
        var build = await GeneratedBuild.RunAsync(source, editorConfig).ConfigureAwait(false);
        var text = SourceText.From(source);

        var unmatched = build.Diagnostics.ToList();
        var missing = new List<string>();
        var matchedLines = new HashSet<int>();
        foreach (var (id, span) in expected)
        {
            var line = text.Lines.GetLineFromPosition(span.Start).LineNumber;
            var match = unmatched.FirstOrDefault(d => d.Id == id && IsUserFile(d) &&
                                                      d.Location.GetLineSpan().StartLinePosition.Line == line &&
                                                      (d.Location.SourceSpan.IntersectsWith(span) || d.Location.SourceSpan.Start == span.Start));
            if (match is null)
            {
                missing.Add($"  {id} at line {line + 1} on '{source.Substring(span.Start, span.Length)}'");
            }
            else
            {
                unmatched.Remove(match);
                if (id is "MLFLOW002" or "MLFLOW007")
                {
                    matchedLines.Add(line);
                }
            }
        }

        // The compiler's own CS8795 ("must have an implementation part") beside the MLFLOW diagnostic that says what
        // to change is what the user sees when the generator refuses a method (LoggerMessage's users see the same).
        unmatched.RemoveAll(d => d.Id == "CS8795" && matchedLines.Contains(d.Location.GetLineSpan().StartLinePosition.Line));

        var absentMessages = messages.Where(m => !build.Diagnostics.Any(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(m, StringComparison.Ordinal))).ToList();
        if (missing.Count > 0 || unmatched.Count > 0 || absentMessages.Count > 0)
        {
            throw new XunitException(
                "The build's diagnostics differ from the marked ones (lines count the test's usings)." +
                (missing.Count > 0 ? "\nExpected, not reported:\n" + string.Join("\n", missing) : string.Empty) +
                (unmatched.Count > 0 ? "\nReported, not expected:\n" + GeneratedBuild.Describe(unmatched, build.Compilation) : string.Empty) +
                (absentMessages.Count > 0 ? "\nNo message contains:\n  " + string.Join("\n  ", absentMessages) : string.Empty) +
                "\nAll reported:\n" + GeneratedBuild.Describe(build.Diagnostics, build.Compilation) +
                (build.HiddenByErrors.Length > 0 ? "\nAnalyzer diagnostics a command-line build hides behind the declaration errors:\n" + GeneratedBuild.Describe(build.HiddenByErrors, build.Compilation) : string.Empty));
        }

        return build.Diagnostics;
    }

    private static bool IsUserFile(Diagnostic diagnostic) => GeneratedBuild.PathOf(diagnostic) == GeneratedBuild.UserFilePath;
}
