using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Search;
using Microsoft.Data.Sqlite;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>Runs: create, get, update, delete, restore.</summary>
public sealed partial class SqliteMlflowStore
{
    private const string RunNameTag = "mlflow.runName";

    /// <inheritdoc />
    public override Task<Run> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WriteAsync(
            scope =>
            {
                var experimentId = RequireExperiment(scope, request.ExperimentId, requireActive: true);
                var tags = request.Tags.ToList();
                var tagName = tags.LastOrDefault(t => t.Key == RunNameTag)?.Value;
                if (request.RunName is not null && tagName is not null && !string.Equals(request.RunName, tagName, StringComparison.Ordinal))
                {
                    throw SqliteErrors.RunNameConflict(request.RunName, tagName);
                }

                var runName = request.RunName ?? tagName ?? RunNameGenerator.Generate();
                if (tagName is null)
                {
                    tags.Add(new Tag(RunNameTag, runName));
                }

                var runId = Guid.NewGuid().ToString("N");
                var location = ReadExperimentLocation(scope, experimentId);
                var info = new RunInfo
                {
                    RunId = runId,
                    ExperimentId = request.ExperimentId,
                    RunName = runName,
                    UserId = request.UserId ?? string.Empty,
                    Status = RunStatus.Running,
                    StartTime = request.StartTime,
                    ArtifactUri = SqliteArtifacts.RunUri(location, runId),
                    LifecycleStage = LifecycleStage.Active,
                };
                using (var insert = scope.NewCommand(
                    "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id, deleted_time) "
                    + "VALUES ($id, $n, 'UNKNOWN', '', '', $u, 'RUNNING', $s, NULL, '', 'active', $a, $e, NULL)"))
                {
                    insert.Parameters.AddWithValue("$id", runId);
                    insert.Parameters.AddWithValue("$n", runName);
                    insert.Parameters.AddWithValue("$u", info.UserId);
                    insert.Parameters.AddWithValue("$s", request.StartTime is { } start ? SqliteValues.ToMillis(start) : 0L);
                    insert.Parameters.AddWithValue("$a", info.ArtifactUri);
                    insert.Parameters.AddWithValue("$e", experimentId);
                    insert.ExecuteNonQuery();
                }

                var tagValues = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var tag in tags)
                {
                    var value = Truncate(tag.Value, TagValueLimit);
                    UpsertTag(scope, runId, tag.Key, value);
                    tagValues[tag.Key] = value;
                }

                return new Run(info, new RunData { Tags = tagValues });
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public override Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken) => ReadAsync(
        connection =>
        {
            var info = FindRunInfo(connection, runId) ?? throw SqliteErrors.RunNotFound(runId);
            var data = SqliteReaders.LoadRunData(connection, [info.RunId]);
            var inputs = SqliteInputs.Load(connection, [info.RunId]);
            return new Run(info, data[info.RunId]) { Inputs = inputs[info.RunId] };
        },
        cancellationToken);

    /// <inheritdoc />
    public override Task<RunInfo> UpdateRunAsync(string runId, RunStatus? status, DateTimeOffset? endTime, string? runName, CancellationToken cancellationToken) => WriteAsync(
        scope =>
        {
            RequireActiveRun(scope, runId);
            using (var command = scope.NewCommand(
                "UPDATE runs SET status = COALESCE($st, status), end_time = COALESCE($et, end_time), name = COALESCE($n, name) WHERE run_uuid = $id"))
            {
                command.Parameters.AddWithValue("$st", status is { } s ? RunStatusNames.ToName(s) : DBNull.Value);
                command.Parameters.AddWithValue("$et", endTime is { } e ? SqliteValues.ToMillis(e) : DBNull.Value);
                command.Parameters.AddWithValue("$n", (object?)runName ?? DBNull.Value);
                command.Parameters.AddWithValue("$id", runId);
                command.ExecuteNonQuery();
            }

            if (runName is not null)
            {
                UpsertTag(scope, runId, RunNameTag, runName);
            }

            return FindRunInfo(scope.Connection, runId, scope.Transaction)!;
        },
        cancellationToken);

    /// <inheritdoc />
    public override Task DeleteRunAsync(string runId, CancellationToken cancellationToken) => WriteAsync(
        scope =>
        {
            RequireRunStage(scope, runId);
            using var command = scope.NewCommand("UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = COALESCE(deleted_time, $t) WHERE run_uuid = $id");
            command.Parameters.AddWithValue("$t", NowMillis());
            command.Parameters.AddWithValue("$id", runId);
            command.ExecuteNonQuery();
        },
        cancellationToken);

    /// <inheritdoc />
    public override Task RestoreRunAsync(string runId, CancellationToken cancellationToken) => WriteAsync(
        scope =>
        {
            RequireRunStage(scope, runId);
            using var command = scope.NewCommand("UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL WHERE run_uuid = $id");
            command.Parameters.AddWithValue("$id", runId);
            command.ExecuteNonQuery();
        },
        cancellationToken);

    private static string ReadExperimentLocation(SqliteWriteScope scope, long experimentId)
    {
        var command = scope.Command("SELECT artifact_location FROM experiments WHERE experiment_id = $p0", 1);
        command.Parameters[0].Value = experimentId;
        return command.ExecuteScalar() as string ?? string.Empty;
    }

    private static RunInfo? FindRunInfo(SqliteConnection connection, string runId, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {SqliteReaders.RunColumns} FROM runs r WHERE r.run_uuid = $id";
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? SqliteReaders.ReadRunInfo(reader) : null;
    }

    private static string RequireRunStage(SqliteWriteScope scope, string runId)
    {
        var command = scope.Command("SELECT lifecycle_stage FROM runs WHERE run_uuid = $p0", 1);
        command.Parameters[0].Value = runId;
        var stage = command.ExecuteScalar();
        if (stage is null)
        {
            throw SqliteErrors.RunNotFound(runId);
        }

        return stage as string ?? "active";
    }

    private static void RequireActiveRun(SqliteWriteScope scope, string runId)
    {
        if (RequireRunStage(scope, runId) == "deleted")
        {
            throw SqliteErrors.RunNotActive(runId);
        }
    }
}
