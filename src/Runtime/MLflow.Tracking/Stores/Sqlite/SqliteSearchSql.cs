using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MLflow.Tracking.Search;
using Microsoft.Data.Sqlite;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>
/// Translates parsed filters and order_by clauses into SQL over MLflow's tables. Every value travels as a
/// parameter; only fixed column names and operators are written into the text.
/// </summary>
internal sealed class SqliteSearchSql
{
    private readonly SqliteCommand _command;
    private int _next;

    /// <summary>Starts a translation whose parameters go into <paramref name="command"/>.</summary>
    public SqliteSearchSql(SqliteCommand command) => _command = command;

    /// <summary>Adds a parameter and returns its name.</summary>
    public string Parameter(object value)
    {
        var name = "$s" + _next++.ToString(CultureInfo.InvariantCulture);
        _command.Parameters.AddWithValue(name, value);
        return name;
    }

    /// <summary>The WHERE conditions (joined by AND) of a runs filter over <c>runs r</c>.</summary>
    public string RunConditions(SearchFilter filter)
    {
        var parts = new List<string>();
        foreach (var clause in filter.Clauses)
        {
            parts.Add(clause.Entity switch
            {
                SearchEntity.Metric => $"EXISTS (SELECT 1 FROM latest_metrics m WHERE m.run_uuid = r.run_uuid AND m.\"key\" = {Parameter(clause.Key)} AND {MetricCondition("m", clause)})",
                SearchEntity.Param => $"EXISTS (SELECT 1 FROM params p WHERE p.run_uuid = r.run_uuid AND p.\"key\" = {Parameter(clause.Key)} AND {StringCondition("p.value", clause)})",
                SearchEntity.Tag => $"EXISTS (SELECT 1 FROM tags t WHERE t.run_uuid = r.run_uuid AND t.\"key\" = {Parameter(clause.Key)} AND {StringCondition("t.value", clause)})",
                SearchEntity.Dataset => DatasetCondition(clause),
                _ => SearchSyntax.Runs.IsNumeric(SearchEntity.Attribute, clause.Key)
                    ? NumberCondition(RunColumn(clause.Key), clause)
                    : StringCondition(RunColumn(clause.Key), clause),
            });
        }

        return parts.Count == 0 ? "1 = 1" : string.Join(" AND ", parts);
    }

    /// <summary>The WHERE conditions of an experiments filter over <c>experiments e</c>.</summary>
    public string ExperimentConditions(SearchFilter filter)
    {
        var parts = new List<string>();
        foreach (var clause in filter.Clauses)
        {
            parts.Add(clause.Entity switch
            {
                SearchEntity.Tag => $"EXISTS (SELECT 1 FROM experiment_tags t WHERE t.experiment_id = e.experiment_id AND t.\"key\" = {Parameter(clause.Key)} AND {StringCondition("t.value", clause)})",
                _ when SearchSyntax.Experiments.IsNumeric(SearchEntity.Attribute, clause.Key) => NumberCondition("e." + clause.Key, clause),
                _ when clause.Key == "experiment_id" => StringCondition("CAST(e.experiment_id AS TEXT)", clause),
                _ => StringCondition("e.name", clause),
            });
        }

        return parts.Count == 0 ? "1 = 1" : string.Join(" AND ", parts);
    }

    /// <summary>Joins and ORDER BY terms for runs, in MLflow's order (NaN then missing values last; start_time DESC; run id).</summary>
    public (string Joins, string OrderBy) RunOrder(IReadOnlyList<SearchOrder> orders)
    {
        var joins = new StringBuilder();
        var terms = new List<string>();
        var orderedByStart = false;
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            var direction = order.Ascending ? "ASC" : "DESC";
            var alias = "o" + i.ToString(CultureInfo.InvariantCulture);
            switch (order.Entity)
            {
                case SearchEntity.Metric:
                    joins.Append(CultureInfo.InvariantCulture, $" LEFT JOIN latest_metrics {alias} ON {alias}.run_uuid = r.run_uuid AND {alias}.\"key\" = {Parameter(order.Key)}");
                    terms.Add($"CASE WHEN {alias}.is_nan = 1 THEN 1 WHEN {alias}.value IS NULL THEN 2 ELSE 0 END");
                    terms.Add($"{alias}.value {direction}");
                    break;
                case SearchEntity.Param:
                case SearchEntity.Tag:
                    var table = order.Entity == SearchEntity.Param ? "params" : "tags";
                    joins.Append(CultureInfo.InvariantCulture, $" LEFT JOIN {table} {alias} ON {alias}.run_uuid = r.run_uuid AND {alias}.\"key\" = {Parameter(order.Key)}");
                    terms.Add($"({alias}.value IS NULL)");
                    terms.Add($"{alias}.value {direction}");
                    break;
                default:
                    orderedByStart |= order.Key == "start_time";
                    var column = RunColumn(order.Key);
                    terms.Add($"({column} IS NULL)");
                    terms.Add($"{column} {direction}");
                    break;
            }
        }

        if (!orderedByStart)
        {
            terms.Add("r.start_time DESC");
        }

        terms.Add("r.run_uuid ASC");
        return (joins.ToString(), string.Join(", ", terms));
    }

    /// <summary>ORDER BY terms for experiments (default creation_time DESC, then id).</summary>
    public static string ExperimentOrder(IReadOnlyList<SearchOrder> orders)
    {
        var terms = new List<string>();
        var orderedById = false;
        if (orders.Count == 0)
        {
            terms.Add("(e.creation_time IS NULL)");
            terms.Add("e.creation_time DESC");
        }

        foreach (var order in orders)
        {
            orderedById |= order.Key == "experiment_id";
            var column = "e." + order.Key;
            terms.Add($"({column} IS NULL)");
            terms.Add($"{column} {(order.Ascending ? "ASC" : "DESC")}");
        }

        if (!orderedById)
        {
            terms.Add("e.experiment_id ASC");
        }

        return string.Join(", ", terms);
    }

    private static string RunColumn(string attribute) => attribute switch
    {
        "run_id" => "r.run_uuid",
        "run_name" => "r.name",
        "status" => "r.status",
        "user_id" => "r.user_id",
        "artifact_uri" => "r.artifact_uri",
        "start_time" => "r.start_time",
        "end_time" => "r.end_time",
        _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Not a run attribute."),
    };

    private string MetricCondition(string alias, SearchComparison clause)
    {
        var value = Parameter(((SearchNumberValue)clause.Value).Value);
        return clause.Operator == SearchOperator.NotEqual
            ? $"({alias}.is_nan = 1 OR {alias}.value != {value})"
            : $"{alias}.is_nan = 0 AND {alias}.value {NumericOperator(clause.Operator)} {value}";
    }

    private string NumberCondition(string column, SearchComparison clause) =>
        $"{column} {NumericOperator(clause.Operator)} {Parameter(((SearchNumberValue)clause.Value).Value)}";

    /// <summary>Some dataset input of the run matches: by the dataset's name or digest, or the input's context tag (as MLflow's SQL store joins them).</summary>
    private string DatasetCondition(SearchComparison clause)
    {
        const string Inputs = "FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id";
        const string OfRun = "i.source_type = 'DATASET' AND i.destination_type = 'RUN' AND i.destination_id = r.run_uuid";
        return clause.Key == "context"
            ? $"EXISTS (SELECT 1 {Inputs} JOIN input_tags it ON it.input_uuid = i.input_uuid AND it.name = 'mlflow.data.context' WHERE {OfRun} AND {StringCondition("it.value", clause)})"
            : $"EXISTS (SELECT 1 {Inputs} WHERE {OfRun} AND {StringCondition("d." + clause.Key, clause)})";
    }

    private string StringCondition(string column, SearchComparison clause)
    {
        switch (clause.Operator)
        {
            case SearchOperator.Like:
                return $"{column} GLOB {Parameter(LikePattern.ToGlob(((SearchStringValue)clause.Value).Value))}";
            case SearchOperator.ILike:
                return $"lower({column}) LIKE lower({Parameter(((SearchStringValue)clause.Value).Value)})";
            case SearchOperator.In:
            case SearchOperator.NotIn:
                var names = new List<string>();
                foreach (var item in ((SearchListValue)clause.Value).Values)
                {
                    names.Add(Parameter(item));
                }

                return $"{column} {(clause.Operator == SearchOperator.In ? "IN" : "NOT IN")} ({string.Join(", ", names)})";
            case SearchOperator.NotEqual:
                return $"{column} != {Parameter(((SearchStringValue)clause.Value).Value)}";
            default:
                return $"{column} = {Parameter(((SearchStringValue)clause.Value).Value)}";
        }
    }

    private static string NumericOperator(SearchOperator op) => op switch
    {
        SearchOperator.Equal => "=",
        SearchOperator.NotEqual => "!=",
        SearchOperator.Less => "<",
        SearchOperator.LessOrEqual => "<=",
        SearchOperator.Greater => ">",
        SearchOperator.GreaterOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a numeric comparator."),
    };
}
