using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MLflow.Tracking.Search;
using Microsoft.Data.Sqlite;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>Reads MLflow rows into model records.</summary>
internal static class SqliteReaders
{
    /// <summary>The experiment columns <see cref="ReadExperiment"/> expects, in order (alias <c>e</c>).</summary>
    public const string ExperimentColumns = "e.experiment_id, e.name, e.artifact_location, e.lifecycle_stage, e.creation_time, e.last_update_time";

    /// <summary>The run columns <see cref="ReadRunInfo"/> expects, in order (alias <c>r</c>).</summary>
    public const string RunColumns = "r.run_uuid, r.experiment_id, r.name, r.user_id, r.status, r.start_time, r.end_time, r.artifact_uri, r.lifecycle_stage";

    private const int InChunk = 500;

    /// <summary>An experiment row (without tags).</summary>
    public static Experiment ReadExperiment(SqliteDataReader reader) => new()
    {
        ExperimentId = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
        Name = reader.GetString(1),
        ArtifactLocation = reader.IsDBNull(2) ? null : reader.GetString(2),
        LifecycleStage = ReadStage(reader, 3),
        CreationTime = reader.IsDBNull(4) ? null : SqliteValues.FromMillis(reader.GetInt64(4)),
        LastUpdateTime = reader.IsDBNull(5) ? null : SqliteValues.FromMillis(reader.GetInt64(5)),
    };

    /// <summary>A run row.</summary>
    public static RunInfo ReadRunInfo(SqliteDataReader reader, int offset = 0)
    {
        var start = reader.IsDBNull(offset + 5) ? 0 : reader.GetInt64(offset + 5);
        return new RunInfo
        {
            RunId = reader.GetString(offset),
            ExperimentId = reader.IsDBNull(offset + 1) ? string.Empty : reader.GetInt64(offset + 1).ToString(CultureInfo.InvariantCulture),
            RunName = reader.IsDBNull(offset + 2) ? null : reader.GetString(offset + 2),
            UserId = reader.IsDBNull(offset + 3) ? string.Empty : reader.GetString(offset + 3),
            Status = RunStatusNames.FromName(reader.IsDBNull(offset + 4) ? null : reader.GetString(offset + 4)),
            StartTime = start == 0 ? null : SqliteValues.FromMillis(start),
            EndTime = reader.IsDBNull(offset + 6) ? null : SqliteValues.FromMillis(reader.GetInt64(offset + 6)),
            ArtifactUri = reader.IsDBNull(offset + 7) ? null : reader.GetString(offset + 7),
            LifecycleStage = ReadStage(reader, offset + 8),
        };
    }

    /// <summary>Experiment tags of <paramref name="experimentIds"/>.</summary>
    public static Dictionary<string, Dictionary<string, string>> LoadExperimentTags(SqliteConnection connection, IReadOnlyCollection<string> experimentIds)
    {
        var result = experimentIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var chunk in experimentIds.Chunk(InChunk))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT experiment_id, \"key\", value FROM experiment_tags WHERE experiment_id IN ({Placeholders(command, chunk.Select(id => (object)long.Parse(id, CultureInfo.InvariantCulture)))})";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
                if (result.TryGetValue(id, out var tags))
                {
                    tags[reader.GetString(1)] = reader.IsDBNull(2) ? string.Empty : reader.GetString(2);
                }
            }
        }

        return result;
    }

    /// <summary>Latest metrics, params and tags of <paramref name="runIds"/>.</summary>
    public static Dictionary<string, RunData> LoadRunData(SqliteConnection connection, IReadOnlyCollection<string> runIds)
    {
        var metrics = runIds.ToDictionary(id => id, _ => new List<Metric>(), StringComparer.Ordinal);
        var parameters = runIds.ToDictionary(id => id, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var tags = runIds.ToDictionary(id => id, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var chunk in runIds.Chunk(InChunk))
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT run_uuid, \"key\", value, timestamp, step, is_nan FROM latest_metrics WHERE run_uuid IN ({Placeholders(command, chunk)}) ORDER BY rowid";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var value = SqliteValues.FromStored(reader.GetDouble(2), reader.GetBoolean(5));
                    var timestamp = reader.IsDBNull(3) ? 0 : reader.GetInt64(3);
                    metrics[reader.GetString(0)].Add(new Metric(reader.GetString(1), value, SqliteValues.FromMillis(timestamp), reader.GetInt64(4)));
                }
            }

            ReadKeyValues(connection, "params", chunk, parameters);
            ReadKeyValues(connection, "tags", chunk, tags);
        }

        return runIds.ToDictionary(
            id => id,
            id => new RunData { Metrics = metrics[id], Params = parameters[id], Tags = tags[id] },
            StringComparer.Ordinal);
    }

    private static void ReadKeyValues(SqliteConnection connection, string table, string[] runIds, Dictionary<string, Dictionary<string, string>> into)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT run_uuid, \"key\", value FROM {table} WHERE run_uuid IN ({Placeholders(command, runIds)}) ORDER BY rowid";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            into[reader.GetString(0)][reader.GetString(1)] = reader.IsDBNull(2) ? string.Empty : reader.GetString(2);
        }
    }

    /// <summary>Adds one parameter per value and returns the placeholders (<c>$in0, $in1…</c>).</summary>
    public static string Placeholders<T>(SqliteCommand command, IEnumerable<T> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = "$in" + names.Count.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name, value);
            names.Add(name);
        }

        return string.Join(", ", names);
    }

    private static LifecycleStage ReadStage(SqliteDataReader reader, int ordinal) =>
        !reader.IsDBNull(ordinal) && string.Equals(reader.GetString(ordinal), "deleted", StringComparison.Ordinal) ? LifecycleStage.Deleted : LifecycleStage.Active;
}
