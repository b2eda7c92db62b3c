using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MLflow.Tracking.Testing;

/// <summary>
/// A small subset of MLflow's search language for the in-memory store: clauses joined by <c>AND</c>, each
/// <c>entity.key op value</c> with <c>metrics.</c>, <c>params.</c>, <c>tags.</c> or attributes, and the operators
/// <c>= != &lt; &lt;= &gt; &gt;= LIKE ILIKE</c>. It is the one step of a search that the shared filter evaluator replaces.
/// </summary>
internal static partial class SimpleSearchFilter
{
    /// <summary>A predicate over runs for <paramref name="filter"/> (all runs when null or blank).</summary>
    public static Func<Run, bool> ForRuns(string? filter)
    {
        var clauses = Parse(filter);
        return run =>
        {
            foreach (var clause in clauses)
            {
                if (!clause.Matches(RunValue(run, clause.Entity, clause.Key)))
                {
                    return false;
                }
            }

            return true;
        };
    }

    /// <summary>A predicate over experiments for <paramref name="filter"/> (all when null or blank).</summary>
    public static Func<Experiment, bool> ForExperiments(string? filter)
    {
        var clauses = Parse(filter);
        return experiment =>
        {
            foreach (var clause in clauses)
            {
                object? value = clause.Entity == "tags"
                    ? experiment.Tags.GetValueOrDefault(clause.Key)
                    : clause.Key switch
                    {
                        "name" => experiment.Name,
                        "experiment_id" => experiment.ExperimentId,
                        "creation_time" => experiment.CreationTime?.ToUnixTimeMilliseconds(),
                        "last_update_time" => experiment.LastUpdateTime?.ToUnixTimeMilliseconds(),
                        _ => throw Invalid($"Invalid attribute key '{clause.Key}' specified."),
                    };
                if (!clause.Matches(value))
                {
                    return false;
                }
            }

            return true;
        };
    }

    private static object? RunValue(Run run, string entity, string key) => entity switch
    {
        "metrics" => FindMetric(run, key),
        "params" => run.Data.Params.GetValueOrDefault(key),
        "tags" => run.Data.Tags.GetValueOrDefault(key),
        _ => key switch
        {
            "run_id" => run.Info.RunId,
            "run_name" => run.Info.RunName,
            "status" => run.Info.Status.ToString().ToUpperInvariant(),
            "user_id" => run.Info.UserId,
            "start_time" => run.Info.StartTime?.ToUnixTimeMilliseconds(),
            "end_time" => run.Info.EndTime?.ToUnixTimeMilliseconds(),
            "experiment_id" => run.Info.ExperimentId,
            _ => throw Invalid($"Invalid attribute key '{key}' specified."),
        },
    };

    private static object? FindMetric(Run run, string key)
    {
        foreach (var metric in run.Data.Metrics)
        {
            if (metric.Key == key)
            {
                return metric.Value;
            }
        }

        return null;
    }

    private static List<Clause> Parse(string? filter)
    {
        var clauses = new List<Clause>();
        if (string.IsNullOrWhiteSpace(filter))
        {
            return clauses;
        }

        var rest = filter.Trim();
        while (rest.Length > 0)
        {
            var match = ClausePattern().Match(rest);
            if (!match.Success)
            {
                throw Invalid($"Invalid clause(s) in filter string: '{rest}'");
            }

            var entity = NormalizeEntity(match.Groups["entity"].Success ? match.Groups["entity"].Value : "attributes");
            var key = match.Groups["key"].Value.Trim('`', '"');
            var op = match.Groups["op"].Value.ToUpperInvariant();
            var text = match.Groups["value"].Value;
            object value = text[0] is '\'' or '"'
                ? text[1..^1]
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : throw Invalid($"Invalid value '{text}' in filter.");
            clauses.Add(new Clause(entity, key, op, value));
            rest = rest[match.Length..];
        }

        return clauses;
    }

    private static string NormalizeEntity(string entity) => entity.ToUpperInvariant() switch
    {
        "METRIC" or "METRICS" => "metrics",
        "PARAM" or "PARAMS" or "PARAMETER" or "PARAMETERS" => "params",
        "TAG" or "TAGS" => "tags",
        "ATTR" or "ATTRIBUTE" or "ATTRIBUTES" or "RUN" => "attributes",
        _ => throw Invalid($"Invalid entity type '{entity}'. Valid values are ['metric', 'parameter', 'tag', 'attribute']"),
    };

    private static MlflowInvalidParameterException Invalid(string message) => new(message);

    [GeneratedRegex(@"^\s*(?:(?<entity>[A-Za-z]+)\.)?(?<key>`[^`]+`|""[^""]+""|[\w.\-:/]+)\s*(?<op>!=|<=|>=|=|<|>|\bI?LIKE\b)\s*(?<value>'[^']*'|""[^""]*""|[-+0-9.eE]+)\s*(?:\bAND\b\s*|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClausePattern();

    private sealed record Clause(string Entity, string Key, string Operator, object Value)
    {
        public bool Matches(object? actual)
        {
            if (actual is null)
            {
                return false;
            }

            if (Value is double expected)
            {
                var number = actual switch
                {
                    double d => d,
                    long l => l,
                    string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                    _ => double.NaN,
                };
                return Operator switch
                {
                    "=" => number == expected,
                    "!=" => number != expected,
                    "<" => number < expected,
                    "<=" => number <= expected,
                    ">" => number > expected,
                    ">=" => number >= expected,
                    _ => throw Invalid($"Invalid comparator '{Operator}' for a number."),
                };
            }

            var text = Convert.ToString(actual, CultureInfo.InvariantCulture) ?? string.Empty;
            var wanted = (string)Value;
            return Operator switch
            {
                "=" => text == wanted,
                "!=" => text != wanted,
                "LIKE" => Like(text, wanted, ignoreCase: false),
                "ILIKE" => Like(text, wanted, ignoreCase: true),
                _ => string.CompareOrdinal(text, wanted) switch
                {
                    var c when Operator == "<" => c < 0,
                    var c when Operator == "<=" => c <= 0,
                    var c when Operator == ">" => c > 0,
                    var c => c >= 0,
                },
            };
        }

        private static bool Like(string text, string pattern, bool ignoreCase)
        {
            var regex = "^" + Regex.Escape(pattern).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + "$";
            return Regex.IsMatch(text, regex, (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }
    }
}
