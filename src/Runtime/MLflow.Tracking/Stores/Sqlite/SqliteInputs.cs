using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>
/// Dataset inputs in MLflow's tables, as its SQL store writes them (<c>_log_inputs_impl</c>): a <c>datasets</c> row
/// per experiment, name and digest; an <c>inputs</c> row (DATASET → RUN) per dataset and run; the input's tags in
/// <c>input_tags</c>. Logging a dataset already linked to the run adds nothing.
/// </summary>
internal static class SqliteInputs
{
    public static void Log(SqliteWriteScope scope, string runId, long experimentId, IReadOnlyList<DatasetInput> inputs)
    {
        foreach (var input in inputs)
        {
            var datasetId = FindOrInsertDataset(scope, experimentId, input.Dataset);
            using (var existing = scope.NewCommand("SELECT 1 FROM inputs WHERE source_type = 'DATASET' AND source_id = $d AND destination_type = 'RUN' AND destination_id = $r"))
            {
                existing.Parameters.AddWithValue("$d", datasetId);
                existing.Parameters.AddWithValue("$r", runId);
                if (existing.ExecuteScalar() is not null)
                {
                    continue;
                }
            }

            var inputId = Guid.NewGuid().ToString("N");
            using (var insert = scope.NewCommand("INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, destination_id) VALUES ($i, 'DATASET', $d, 'RUN', $r)"))
            {
                insert.Parameters.AddWithValue("$i", inputId);
                insert.Parameters.AddWithValue("$d", datasetId);
                insert.Parameters.AddWithValue("$r", runId);
                insert.ExecuteNonQuery();
            }

            foreach (var tag in input.Tags)
            {
                using var insertTag = scope.NewCommand("INSERT OR REPLACE INTO input_tags (input_uuid, name, value) VALUES ($i, $n, $v)");
                insertTag.Parameters.AddWithValue("$i", inputId);
                insertTag.Parameters.AddWithValue("$n", tag.Key);
                insertTag.Parameters.AddWithValue("$v", tag.Value);
                insertTag.ExecuteNonQuery();
            }
        }
    }

    /// <summary>Each run's dataset inputs, in the order they were logged.</summary>
    public static Dictionary<string, List<DatasetInput>> Load(SqliteConnection connection, IReadOnlyCollection<string> runIds)
    {
        var result = runIds.ToDictionary(id => id, _ => new List<DatasetInput>(), StringComparer.Ordinal);
        foreach (var chunk in runIds.Chunk(500))
        {
            var rows = new List<(string RunId, string InputId, Dataset Dataset)>();
            using (var command = connection.CreateCommand())
            {
                var names = chunk.Select((id, i) =>
                {
                    command.Parameters.AddWithValue("$r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), id);
                    return "$r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                });
                command.CommandText =
                    "SELECT i.destination_id, i.input_uuid, d.name, d.digest, d.dataset_source_type, d.dataset_source, d.dataset_schema, d.dataset_profile "
                    + "FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id "
                    + $"WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN' AND i.destination_id IN ({string.Join(", ", names)}) ORDER BY i.rowid";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var dataset = new Dataset(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5))
                    {
                        Schema = reader.IsDBNull(6) ? null : reader.GetString(6),
                        Profile = reader.IsDBNull(7) ? null : reader.GetString(7),
                    };
                    rows.Add((reader.GetString(0), reader.GetString(1), dataset));
                }
            }

            foreach (var row in rows)
            {
                result[row.RunId].Add(new DatasetInput(row.Dataset, LoadTags(connection, row.InputId)));
            }
        }

        return result;
    }

    private static List<Tag> LoadTags(SqliteConnection connection, string inputId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, value FROM input_tags WHERE input_uuid = $i ORDER BY rowid";
        command.Parameters.AddWithValue("$i", inputId);
        using var reader = command.ExecuteReader();
        var tags = new List<Tag>();
        while (reader.Read())
        {
            tags.Add(new Tag(reader.GetString(0), reader.GetString(1)));
        }

        return tags;
    }

    private static string FindOrInsertDataset(SqliteWriteScope scope, long experimentId, Dataset dataset)
    {
        using (var find = scope.NewCommand("SELECT dataset_uuid FROM datasets WHERE experiment_id = $e AND name = $n AND digest = $d"))
        {
            find.Parameters.AddWithValue("$e", experimentId);
            find.Parameters.AddWithValue("$n", dataset.Name);
            find.Parameters.AddWithValue("$d", dataset.Digest);
            if (find.ExecuteScalar() is string existing)
            {
                return existing;
            }
        }

        var id = Guid.NewGuid().ToString("N");
        using var insert = scope.NewCommand(
            "INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, dataset_source_type, dataset_source, dataset_schema, dataset_profile) VALUES ($id, $e, $n, $d, $t, $s, $schema, $profile)");
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$e", experimentId);
        insert.Parameters.AddWithValue("$n", dataset.Name);
        insert.Parameters.AddWithValue("$d", dataset.Digest);
        insert.Parameters.AddWithValue("$t", dataset.SourceType);
        insert.Parameters.AddWithValue("$s", dataset.Source);
        insert.Parameters.AddWithValue("$schema", (object?)dataset.Schema ?? DBNull.Value);
        insert.Parameters.AddWithValue("$profile", (object?)dataset.Profile ?? DBNull.Value);
        insert.ExecuteNonQuery();
        return id;
    }
}
