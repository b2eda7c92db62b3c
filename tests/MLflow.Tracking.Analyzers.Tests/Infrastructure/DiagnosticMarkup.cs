using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>
/// The markup the analyzer tests have always used: <c>{|MLFLOW001:password|}</c> marks where a diagnostic is
/// expected. Returns the plain source and the marked spans.
/// </summary>
internal static class DiagnosticMarkup
{
    public static (string Source, IReadOnlyList<(string Id, TextSpan Span)> Expected) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var expected = new List<(string, TextSpan)>();
        var open = new Stack<(string Id, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw new FormatException("Unclosed '{|' in test markup at " + i);
                }

                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                i = colon;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add((id, TextSpan.FromBounds(start, source.Length)));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException("Unclosed '{|" + open.Peek().Id + ":' in test markup.");
        }

        return (source.ToString(), expected);
    }
}
