using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>Experiments: create, get, rename, delete, restore, tags.</summary>
public sealed partial class SqliteMlflowStore
{
    private const int ExperimentTagValueLimit = 5000;

    /// <inheritdoc />
    public override Task<string> CreateExperimentAsync(string name, string? artifactLocation, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(tags);
        return WriteAsync(
            scope =>
            {
                var now = NowMillis();
                long id;
                using (var insert = scope.NewCommand(
                    "INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES ($n, $a, 'active', $t, $t); SELECT last_insert_rowid();"))
                {
                    insert.Parameters.AddWithValue("$n", name);
                    insert.Parameters.AddWithValue("$a", (object?)artifactLocation ?? string.Empty);
                    insert.Parameters.AddWithValue("$t", now);
                    try
                    {
                        id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
                    }
                    catch (SqliteException e) when (e.SqliteErrorCode == 19)
                    {
                        throw SqliteErrors.ExperimentExists(name);
                    }
                }

                var experimentId = id.ToString(CultureInfo.InvariantCulture);
                if (string.IsNullOrEmpty(artifactLocation))
                {
                    // MLflow inserts '' first, then sets <root>/<id> once the id is known.
                    using var update = scope.NewCommand("UPDATE experiments SET artifact_location = $a WHERE experiment_id = $id");
                    update.Parameters.AddWithValue("$a", SqliteArtifacts.ExperimentLocation(_artifactRoot, experimentId));
                    update.Parameters.AddWithValue("$id", id);
                    update.ExecuteNonQuery();
                }

                foreach (var tag in tags)
                {
                    UpsertExperimentTag(scope, id, tag.Key, tag.Value);
                }

                return experimentId;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public override Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken) =>
        ReadAsync(connection => FindExperiment(connection, null, "e.experiment_id = $id", ParseExperimentId(experimentId) ?? -1) ?? throw SqliteErrors.ExperimentNotFound(experimentId), cancellationToken);

    /// <inheritdoc />
    public override Task<Experiment> GetExperimentByNameAsync(string name, CancellationToken cancellationToken) =>
        ReadAsync(connection => FindExperiment(connection, null, "e.name = $id", name) ?? throw SqliteErrors.ExperimentNameNotFound(name), cancellationToken);

    /// <inheritdoc />
    public override Task UpdateExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken) => WriteAsync(
        scope =>
        {
            var id = RequireExperiment(scope, experimentId, requireActive: true);
            using var command = scope.NewCommand("UPDATE experiments SET name = $n, last_update_time = $t WHERE experiment_id = $id");
            command.Parameters.AddWithValue("$n", newName);
            command.Parameters.AddWithValue("$t", NowMillis());
            command.Parameters.AddWithValue("$id", id);
            try
            {
                command.ExecuteNonQuery();
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19)
            {
                throw SqliteErrors.ExperimentExists(newName);
            }
        },
        cancellationToken);

    /// <inheritdoc />
    public override Task DeleteExperimentAsync(string experimentId, CancellationToken cancellationToken) => WriteAsync(
        scope =>
        {
            // MLflow looks for an active experiment: deleting twice is "No Experiment with id=… exists".
            var id = RequireExperiment(scope, experimentId, requireActive: true, notActiveIsMissing: true);
            var now = NowMillis();
            using var command = scope.NewCommand(
                "UPDATE experiments SET lifecycle_stage = 'deleted', last_update_time = $t WHERE experiment_id = $id; "
                + "UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = $t WHERE experiment_id = $id AND lifecycle_stage = 'active';");
            command.Parameters.AddWithValue("$t", now);
            command.Parameters.AddWithValue("$id", id);
            command.ExecuteNonQuery();
        },
        cancellationToken);

    /// <inheritdoc />
    public override Task RestoreExperimentAsync(string experimentId, CancellationToken cancellationToken) => WriteAsync(
        scope =>
        {
            var (id, stage) = FindExperimentStage(scope, experimentId);
            if (stage is null || stage == "active")
            {
                throw SqliteErrors.ExperimentNotFound(experimentId);
            }

            using var command = scope.NewCommand(
                "UPDATE experiments SET lifecycle_stage = 'active', last_update_time = $t WHERE experiment_id = $id; "
                + "UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL WHERE experiment_id = $id AND lifecycle_stage = 'deleted';");
            command.Parameters.AddWithValue("$t", NowMillis());
            command.Parameters.AddWithValue("$id", id);
            command.ExecuteNonQuery();
        },
        cancellationToken);

    /// <inheritdoc />
    public override Task SetExperimentTagAsync(string experimentId, string key, string value, CancellationToken cancellationToken) => WriteAsync(
        scope =>
        {
            var id = RequireExperiment(scope, experimentId, requireActive: true);
            UpsertExperimentTag(scope, id, key, value);
        },
        cancellationToken);

    /// <inheritdoc />
    public override Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken cancellationToken) => WriteAsync(
        scope =>
        {
            var id = RequireExperiment(scope, experimentId, requireActive: true);
            using var command = scope.NewCommand("DELETE FROM experiment_tags WHERE experiment_id = $id AND \"key\" = $k");
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$k", key);
            if (command.ExecuteNonQuery() == 0)
            {
                throw SqliteErrors.ExperimentTagNotFound(experimentId, key);
            }
        },
        cancellationToken);

    private static void UpsertExperimentTag(SqliteWriteScope scope, long experimentId, string key, string value)
    {
        var command = scope.Command(
            "INSERT INTO experiment_tags (\"key\", value, experiment_id) VALUES ($p0, $p1, $p2) ON CONFLICT(\"key\", experiment_id) DO UPDATE SET value = excluded.value",
            3);
        command.Parameters[0].Value = key;
        command.Parameters[1].Value = value.Length > ExperimentTagValueLimit ? value[..ExperimentTagValueLimit] : value;
        command.Parameters[2].Value = experimentId;
        command.ExecuteNonQuery();
    }

    private static Experiment? FindExperiment(SqliteConnection connection, SqliteTransaction? transaction, string where, object value)
    {
        Experiment experiment;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT {SqliteReaders.ExperimentColumns} FROM experiments e WHERE {where}";
            command.Parameters.AddWithValue("$id", value);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            experiment = SqliteReaders.ReadExperiment(reader);
        }

        var tags = SqliteReaders.LoadExperimentTags(connection, [experiment.ExperimentId]);
        return experiment with { Tags = tags[experiment.ExperimentId] };
    }

    private static long? ParseExperimentId(string? experimentId) =>
        long.TryParse(experimentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static (long Id, string? Stage) FindExperimentStage(SqliteWriteScope scope, string experimentId)
    {
        if (ParseExperimentId(experimentId) is not { } id)
        {
            return (-1, null);
        }

        var command = scope.Command("SELECT lifecycle_stage FROM experiments WHERE experiment_id = $p0", 1);
        command.Parameters[0].Value = id;
        var stage = command.ExecuteScalar();
        return (id, stage is null ? null : stage as string ?? "active");
    }

    private static long RequireExperiment(SqliteWriteScope scope, string experimentId, bool requireActive, bool notActiveIsMissing = false)
    {
        var (id, stage) = FindExperimentStage(scope, experimentId);
        if (stage is null)
        {
            throw SqliteErrors.ExperimentNotFound(experimentId);
        }

        if (requireActive && stage == "deleted")
        {
            throw notActiveIsMissing ? SqliteErrors.ExperimentNotFound(experimentId) : SqliteErrors.ExperimentNotActive(experimentId);
        }

        return id;
    }
}
