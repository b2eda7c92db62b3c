using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Search;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>Searches and metric history, paged with MLflow's offset tokens.</summary>
public sealed partial class SqliteMlflowStore
{
    private const int MaxSearchResults = 50_000;

    /// <inheritdoc />
    public override Task<Page<Experiment>> SearchExperimentsAsync(ExperimentSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            // MLflow's handler checks max_results before anything else (transcript 028: a bad token with no
            // max_results is answered with the max_results error).
            var limit = CheckMaxResults(request.MaxResults);
            var filter = SearchFilterParser.ParseExperimentFilter(request.Filter);
            var orders = SearchOrderParser.ParseExperimentOrder(request.OrderBy);
            var offset = PageToken.Decode(request.PageToken);
            return ReadAsync(
                connection =>
                {
                    var experiments = new List<Experiment>();
                    using (var command = connection.CreateCommand())
                    {
                        var sql = new SqliteSearchSql(command);
                        command.CommandText =
                            $"SELECT {SqliteReaders.ExperimentColumns} FROM experiments e WHERE {StageCondition("e", request.ViewType)} AND {sql.ExperimentConditions(filter)} "
                            + $"ORDER BY {SqliteSearchSql.ExperimentOrder(orders)} LIMIT {sql.Parameter(limit + 1)} OFFSET {sql.Parameter(offset)}";
                        using var reader = command.ExecuteReader();
                        while (reader.Read())
                        {
                            experiments.Add(SqliteReaders.ReadExperiment(reader));
                        }
                    }

                    var more = experiments.Count > limit;
                    if (more)
                    {
                        experiments.RemoveAt(experiments.Count - 1);
                    }

                    var tags = SqliteReaders.LoadExperimentTags(connection, experiments.Select(e => e.ExperimentId).ToList());
                    var items = experiments.Select(e => e with { Tags = tags[e.ExperimentId] }).ToList();
                    return new Page<Experiment>(items, more ? PageToken.Encode(offset + limit) : null);
                },
                cancellationToken);
        }
        catch (MlflowException e)
        {
            return Task.FromException<Page<Experiment>>(e);
        }
    }

    /// <inheritdoc />
    public override Task<Page<Run>> SearchRunsAsync(RunSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var filter = SearchFilterParser.ParseRunFilter(request.Filter);
            var orders = SearchOrderParser.ParseRunOrder(request.OrderBy);
            var offset = PageToken.Decode(request.PageToken);
            var limit = CheckMaxResults(request.MaxResults);
            var experimentIds = request.ExperimentIds.Select(ParseExperimentId).OfType<long>().Distinct().ToList();
            if (experimentIds.Count == 0)
            {
                return Task.FromResult(new Page<Run>(Array.Empty<Run>(), null));
            }

            return ReadAsync(
                connection =>
                {
                    var infos = new List<RunInfo>();
                    using (var command = connection.CreateCommand())
                    {
                        var sql = new SqliteSearchSql(command);
                        var ids = string.Join(", ", experimentIds.Select(id => sql.Parameter(id)));
                        var conditions = sql.RunConditions(filter);
                        var (joins, orderBy) = sql.RunOrder(orders);
                        command.CommandText =
                            $"SELECT {SqliteReaders.RunColumns} FROM runs r{joins} WHERE r.experiment_id IN ({ids}) AND {StageCondition("r", request.ViewType)} AND {conditions} "
                            + $"ORDER BY {orderBy} LIMIT {sql.Parameter(limit + 1)} OFFSET {sql.Parameter(offset)}";
                        using var reader = command.ExecuteReader();
                        while (reader.Read())
                        {
                            infos.Add(SqliteReaders.ReadRunInfo(reader));
                        }
                    }

                    var more = infos.Count > limit;
                    if (more)
                    {
                        infos.RemoveAt(infos.Count - 1);
                    }

                    var runIds = infos.Select(i => i.RunId).ToList();
                    var data = SqliteReaders.LoadRunData(connection, runIds);
                    var inputs = SqliteInputs.Load(connection, runIds);
                    var runs = infos.Select(info => new Run(info, data[info.RunId]) { Inputs = inputs[info.RunId] }).ToList();
                    return new Page<Run>(runs, more ? PageToken.Encode(offset + limit) : null);
                },
                cancellationToken);
        }
        catch (MlflowException e)
        {
            return Task.FromException<Page<Run>>(e);
        }
    }

    /// <inheritdoc />
    public override Task<Page<Metric>> GetMetricHistoryAsync(string runId, string metricKey, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        try
        {
            var offset = PageToken.Decode(pageToken);
            var limit = maxResults <= 0 ? 25_000 : maxResults;
            return ReadAsync(
                connection =>
                {
                    var points = new List<Metric>();
                    using (var command = connection.CreateCommand())
                    {
                        command.CommandText =
                            "SELECT value, is_nan, timestamp, step FROM metrics WHERE run_uuid = $r AND \"key\" = $k "
                            + "ORDER BY step, timestamp, value LIMIT $limit OFFSET $offset";
                        command.Parameters.AddWithValue("$r", runId);
                        command.Parameters.AddWithValue("$k", metricKey);
                        command.Parameters.AddWithValue("$limit", limit + 1);
                        command.Parameters.AddWithValue("$offset", offset);
                        using var reader = command.ExecuteReader();
                        while (reader.Read())
                        {
                            points.Add(new Metric(metricKey, SqliteValues.FromStored(reader.GetDouble(0), reader.GetBoolean(1)), SqliteValues.FromMillis(reader.GetInt64(2)), reader.GetInt64(3)));
                        }
                    }

                    var more = points.Count > limit;
                    if (more)
                    {
                        points.RemoveAt(points.Count - 1);
                    }

                    return new Page<Metric>(points, more ? PageToken.Encode(offset + limit) : null);
                },
                cancellationToken);
        }
        catch (MlflowException e)
        {
            return Task.FromException<Page<Metric>>(e);
        }
    }

    private static int CheckMaxResults(int maxResults)
    {
        if (maxResults is <= 0 or > MaxSearchResults)
        {
            throw new MlflowInvalidParameterException(string.Create(
                CultureInfo.InvariantCulture,
                $"Invalid value {maxResults} for parameter 'max_results' supplied. It must be {(maxResults <= 0 ? "a positive integer" : "at most 50000")}"));
        }

        return maxResults;
    }

    private static string StageCondition(string alias, ViewType viewType) => viewType switch
    {
        ViewType.DeletedOnly => $"{alias}.lifecycle_stage = 'deleted'",
        ViewType.All => $"{alias}.lifecycle_stage IN ('active', 'deleted')",
        _ => $"{alias}.lifecycle_stage = 'active'",
    };
}
