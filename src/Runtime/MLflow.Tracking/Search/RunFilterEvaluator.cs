using System;
using System.Collections.Generic;
using System.Linq;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking.Search;

/// <summary>
/// Evaluates a parsed runs/search filter and order_by over <see cref="Run"/> records in memory, with the semantics
/// of MLflow's SQL store: absent keys never match, metrics compare their latest value, LIKE is case-sensitive,
/// ordering puts NaN then absent values last and ends with start_time DESC and the run id.
/// </summary>
internal static class RunFilterEvaluator
{
    /// <summary>Whether <paramref name="run"/> satisfies every clause of <paramref name="filter"/>.</summary>
    public static bool Matches(SearchFilter filter, Run run) => filter.Clauses.All(clause => Matches(clause, run));

    /// <summary>Whether <paramref name="run"/> satisfies one clause.</summary>
    public static bool Matches(SearchComparison clause, Run run) => clause.Entity switch
    {
        SearchEntity.Metric => SearchComparisons.MatchesNumber(LatestMetric(run, clause.Key), clause.Operator, clause.Value),
        SearchEntity.Param => SearchComparisons.MatchesString(run.Data.Params.TryGetValue(clause.Key, out var p) ? p : null, clause.Operator, clause.Value),
        SearchEntity.Tag => SearchComparisons.MatchesString(run.Data.Tags.TryGetValue(clause.Key, out var t) ? t : null, clause.Operator, clause.Value),
        SearchEntity.Dataset => run.Inputs.Any(input => SearchComparisons.MatchesString(DatasetValue(input, clause.Key), clause.Operator, clause.Value)),
        _ => SearchSyntax.Runs.IsNumeric(SearchEntity.Attribute, clause.Key)
            ? SearchComparisons.MatchesNumber(NumericAttribute(run.Info, clause.Key), clause.Operator, clause.Value)
            : SearchComparisons.MatchesString(StringAttribute(run.Info, clause.Key), clause.Operator, clause.Value),
    };

    /// <summary>A dataset input's name, digest or context; an input without a context has none (it never matches).</summary>
    private static string? DatasetValue(DatasetInput input, string key) => key switch
    {
        "name" => input.Dataset.Name,
        "digest" => input.Dataset.Digest,
        _ => input.Context,
    };

    /// <summary>The runs that match, in MLflow's order.</summary>
    public static IReadOnlyList<Run> FilterAndSort(IEnumerable<Run> runs, SearchFilter filter, IReadOnlyList<SearchOrder> orderBy)
    {
        var list = runs.Where(run => Matches(filter, run)).ToList();
        list.Sort((x, y) => Compare(x, y, orderBy));
        return list;
    }

    /// <summary>MLflow's run order for <paramref name="orderBy"/>.</summary>
    public static int Compare(Run x, Run y, IReadOnlyList<SearchOrder> orderBy)
    {
        var orderedByStart = false;
        foreach (var order in orderBy)
        {
            int result;
            switch (order.Entity)
            {
                case SearchEntity.Metric:
                    {
                        var a = LatestMetric(x, order.Key);
                        var b = LatestMetric(y, order.Key);
                        result = MetricRank(a).CompareTo(MetricRank(b));
                        if (result == 0 && a is { } av && b is { } bv && !double.IsNaN(av))
                        {
                            result = order.Ascending ? av.CompareTo(bv) : bv.CompareTo(av);
                        }

                        break;
                    }

                case SearchEntity.Param:
                    result = SearchComparisons.CompareNullsLast(x.Data.Params.GetValueOrDefault(order.Key), y.Data.Params.GetValueOrDefault(order.Key), order.Ascending);
                    break;
                case SearchEntity.Tag:
                    result = SearchComparisons.CompareNullsLast(x.Data.Tags.GetValueOrDefault(order.Key), y.Data.Tags.GetValueOrDefault(order.Key), order.Ascending);
                    break;
                default:
                    orderedByStart |= order.Key == "start_time";
                    result = SearchSyntax.Runs.IsNumeric(SearchEntity.Attribute, order.Key)
                        ? SearchComparisons.CompareNullsLast(NumericAttribute(x.Info, order.Key), NumericAttribute(y.Info, order.Key), order.Ascending)
                        : SearchComparisons.CompareNullsLast(StringAttribute(x.Info, order.Key), StringAttribute(y.Info, order.Key), order.Ascending);
                    break;
            }

            if (result != 0)
            {
                return result;
            }
        }

        if (!orderedByStart)
        {
            var start = StartMillis(y.Info).CompareTo(StartMillis(x.Info));
            if (start != 0)
            {
                return start;
            }
        }

        return string.CompareOrdinal(x.Info.RunId, y.Info.RunId);
    }

    private static int MetricRank(double? value) => value switch
    {
        null => 2,
        { } v when double.IsNaN(v) => 1,
        _ => 0,
    };

    private static double? LatestMetric(Run run, string key)
    {
        foreach (var metric in run.Data.Metrics)
        {
            if (string.Equals(metric.Key, key, StringComparison.Ordinal))
            {
                return metric.Value;
            }
        }

        return null;
    }

    private static long StartMillis(RunInfo info) => info.StartTime?.ToUnixTimeMilliseconds() ?? 0;

    private static double? NumericAttribute(RunInfo info, string key) => key switch
    {
        "start_time" => StartMillis(info),
        "end_time" => info.EndTime?.ToUnixTimeMilliseconds(),
        _ => null,
    };

    private static string? StringAttribute(RunInfo info, string key) => key switch
    {
        "run_id" => info.RunId,
        "run_name" => info.RunName ?? string.Empty,
        "status" => RunStatusNames.ToName(info.Status),
        "user_id" => info.UserId ?? string.Empty,
        "artifact_uri" => info.ArtifactUri ?? string.Empty,
        _ => null,
    };
}
