using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>Logging: metrics, params, tags, batches.</summary>
public sealed partial class SqliteMlflowStore
{
    private const int ParamValueLimit = 6000;
    private const int TagValueLimit = 8000;

    /// <inheritdoc />
    public override Task LogMetricAsync(string runId, Metric metric, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return LogBatchAsync(runId, [metric], Array.Empty<Param>(), Array.Empty<Tag>(), cancellationToken);
    }

    /// <inheritdoc />
    public override Task LogParamAsync(string runId, Param param, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(param);
        return WriteAsync(
            scope =>
            {
                RequireActiveRun(scope, runId);
                var value = Truncate(param.Value, ParamValueLimit);
                var existing = InsertParamOrGetExisting(scope, runId, param.Key, value);
                if (existing is not null && !string.Equals(existing, value, StringComparison.Ordinal))
                {
                    throw SqliteErrors.ParamChanged(runId, param.Key, existing, value);
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public override Task SetTagAsync(string runId, Tag tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return LogBatchAsync(runId, Array.Empty<Metric>(), Array.Empty<Param>(), [tag], cancellationToken);
    }

    /// <inheritdoc />
    public override Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken) => WriteAsync(
        scope =>
        {
            RequireActiveRun(scope, runId);
            using var command = scope.NewCommand("DELETE FROM tags WHERE run_uuid = $id AND \"key\" = $k");
            command.Parameters.AddWithValue("$id", runId);
            command.Parameters.AddWithValue("$k", key);
            if (command.ExecuteNonQuery() == 0)
            {
                throw SqliteErrors.RunTagNotFound(runId, key);
            }
        },
        cancellationToken);

    /// <inheritdoc />
    public override Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(tags);
        return WriteAsync(
            scope =>
            {
                RequireActiveRun(scope, runId);
                LogParams(scope, runId, parameters);
                SqliteMetricWriter.Write(scope, runId, metrics);
                foreach (var tag in tags)
                {
                    UpsertTag(scope, runId, tag.Key, Truncate(tag.Value, TagValueLimit));
                }
            },
            cancellationToken);
    }

    private static void LogParams(SqliteWriteScope scope, string runId, IReadOnlyList<Param> parameters)
    {
        StringBuilder? changes = null;
        foreach (var param in parameters)
        {
            var value = Truncate(param.Value, ParamValueLimit);
            var existing = InsertParamOrGetExisting(scope, runId, param.Key, value);
            if (existing is not null && !string.Equals(existing, value, StringComparison.Ordinal))
            {
                changes = changes is null ? new StringBuilder() : changes.Append(", ");
                changes.Append("{'key': '").Append(param.Key).Append("', 'old_value': '").Append(existing)
                    .Append("', 'new_value': '").Append(value).Append("'}");
            }
        }

        if (changes is not null)
        {
            // Thrown inside the transaction: nothing of the batch is kept, as with MLflow's server.
            throw SqliteErrors.ParamsChanged(runId, changes.ToString());
        }
    }

    /// <summary>Inserts the param, or returns the value already logged under its key.</summary>
    private static string? InsertParamOrGetExisting(SqliteWriteScope scope, string runId, string key, string value)
    {
        var insert = scope.Command("INSERT INTO params (\"key\", value, run_uuid) VALUES ($p0, $p1, $p2) ON CONFLICT(\"key\", run_uuid) DO NOTHING", 3);
        insert.Parameters[0].Value = key;
        insert.Parameters[1].Value = value;
        insert.Parameters[2].Value = runId;
        if (insert.ExecuteNonQuery() == 1)
        {
            return null;
        }

        var select = scope.Command("SELECT value FROM params WHERE \"key\" = $p0 AND run_uuid = $p1", 2);
        select.Parameters[0].Value = key;
        select.Parameters[1].Value = runId;
        return select.ExecuteScalar() as string ?? string.Empty;
    }

    private static void UpsertTag(SqliteWriteScope scope, string runId, string key, string value)
    {
        var command = scope.Command("INSERT INTO tags (\"key\", value, run_uuid) VALUES ($p0, $p1, $p2) ON CONFLICT(\"key\", run_uuid) DO UPDATE SET value = excluded.value", 3);
        command.Parameters[0].Value = key;
        command.Parameters[1].Value = value;
        command.Parameters[2].Value = runId;
        command.ExecuteNonQuery();
        if (key == RunNameTag)
        {
            // The server keeps runs.name and the mlflow.runName tag the same.
            var rename = scope.Command("UPDATE runs SET name = $p0 WHERE run_uuid = $p1", 2);
            rename.Parameters[0].Value = value;
            rename.Parameters[1].Value = runId;
            rename.ExecuteNonQuery();
        }
    }

    private static string Truncate(string value, int limit) => value.Length > limit ? value[..limit] : value;
}
