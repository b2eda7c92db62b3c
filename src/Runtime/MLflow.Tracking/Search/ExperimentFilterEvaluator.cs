using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MLflow.Tracking.Search;

/// <summary>
/// Evaluates a parsed experiments/search filter and order_by over <see cref="Experiment"/> records in memory, with
/// the semantics of MLflow's SQL store (default order: creation_time DESC, then experiment id).
/// </summary>
internal static class ExperimentFilterEvaluator
{
    /// <summary>Whether <paramref name="experiment"/> satisfies every clause.</summary>
    public static bool Matches(SearchFilter filter, Experiment experiment) => filter.Clauses.All(clause => Matches(clause, experiment));

    /// <summary>Whether <paramref name="experiment"/> satisfies one clause.</summary>
    public static bool Matches(SearchComparison clause, Experiment experiment) => clause.Entity switch
    {
        SearchEntity.Tag => SearchComparisons.MatchesString(experiment.Tags.TryGetValue(clause.Key, out var t) ? t : null, clause.Operator, clause.Value),
        _ when SearchSyntax.Experiments.IsNumeric(SearchEntity.Attribute, clause.Key) => SearchComparisons.MatchesNumber(Numeric(experiment, clause.Key), clause.Operator, clause.Value),
        _ when clause.Key == "experiment_id" => SearchComparisons.MatchesString(experiment.ExperimentId, clause.Operator, clause.Value),
        _ => SearchComparisons.MatchesString(experiment.Name, clause.Operator, clause.Value),
    };

    /// <summary>The experiments that match, in MLflow's order.</summary>
    public static IReadOnlyList<Experiment> FilterAndSort(IEnumerable<Experiment> experiments, SearchFilter filter, IReadOnlyList<SearchOrder> orderBy)
    {
        var list = experiments.Where(e => Matches(filter, e)).ToList();
        list.Sort((x, y) => Compare(x, y, orderBy));
        return list;
    }

    /// <summary>MLflow's experiment order for <paramref name="orderBy"/>.</summary>
    public static int Compare(Experiment x, Experiment y, IReadOnlyList<SearchOrder> orderBy)
    {
        var effective = orderBy.Count == 0
            ? new[] { new SearchOrder(SearchEntity.Attribute, "creation_time", false), new SearchOrder(SearchEntity.Attribute, "experiment_id", true) }
            : orderBy;
        foreach (var order in effective)
        {
            var result = order.Key switch
            {
                "name" => SearchComparisons.CompareNullsLast(x.Name, y.Name, order.Ascending),
                "experiment_id" => SearchComparisons.CompareNullsLast(Id(x), Id(y), order.Ascending),
                _ => SearchComparisons.CompareNullsLast(Numeric(x, order.Key), Numeric(y, order.Key), order.Ascending),
            };
            if (result != 0)
            {
                return result;
            }
        }

        return Id(x).CompareTo(Id(y));
    }

    private static double Id(Experiment e) =>
        double.TryParse(e.ExperimentId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : double.MaxValue;

    private static double? Numeric(Experiment e, string key) => key switch
    {
        "creation_time" => e.CreationTime?.ToUnixTimeMilliseconds(),
        "last_update_time" => e.LastUpdateTime?.ToUnixTimeMilliseconds(),
        _ => null,
    };
}
