using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>
/// MLflow's database schema: creates a new file exactly as MLflow 3.5 does (alembic revision bf29a5ff90ea, DDL from
/// the embedded <c>mlflow-3.5-schema.sql</c>) and checks that an existing file has what this store reads and writes.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The alembic revision of MLflow 3.5, which new files get.</summary>
    public const string CurrentRevision = "bf29a5ff90ea";

    /// <summary>The alembic revision of MLflow 3.1.</summary>
    public const string Mlflow31Revision = "bda7b8c39065";

    /// <summary>The name of the embedded DDL.</summary>
    public const string SchemaResourceName = "MLflow.Tracking.Sqlite.mlflow-3.5-schema.sql";

    /// <summary>Revisions written by MLflow versions this store was checked against.</summary>
    public static readonly IReadOnlyList<string> KnownRevisions = [CurrentRevision, Mlflow31Revision];

    /// <summary>The tables and columns this store reads and writes.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RequiredColumns = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["experiments"] = ["experiment_id", "name", "artifact_location", "lifecycle_stage", "creation_time", "last_update_time"],
        ["experiment_tags"] = ["key", "value", "experiment_id"],
        ["runs"] = ["run_uuid", "name", "source_type", "source_name", "entry_point_name", "user_id", "status", "start_time", "end_time", "source_version", "lifecycle_stage", "artifact_uri", "experiment_id", "deleted_time"],
        ["metrics"] = ["key", "value", "timestamp", "run_uuid", "step", "is_nan"],
        ["latest_metrics"] = ["key", "value", "timestamp", "step", "is_nan", "run_uuid"],
        ["params"] = ["key", "value", "run_uuid"],
        ["tags"] = ["key", "value", "run_uuid"],
    };

    /// <summary>MLflow 3.5's DDL, as MLflow's SQLite database reports it.</summary>
    public static string ReadSchemaSql()
    {
        using var stream = typeof(SqliteSchema).Assembly.GetManifestResourceStream(SchemaResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {SchemaResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Creates the schema in an empty file, or checks an existing one; returns the file's alembic revision.
    /// </summary>
    /// <exception cref="MlflowException">The file has an unknown revision that lacks a table or column this store writes.</exception>
    public static string EnsureSchema(SqliteWriteScope scope, string path, string defaultArtifactRoot, long nowMillis)
    {
        var tables = ReadTableNames(scope);
        if (tables.Count == 0)
        {
            Create(scope, defaultArtifactRoot, nowMillis);
            return CurrentRevision;
        }

        var revision = tables.Contains("alembic_version") ? ReadRevision(scope) : null;
        if (revision is not null && KnownRevisions.Contains(revision, StringComparer.Ordinal))
        {
            return revision;
        }

        var missing = FindMissingColumns(scope, tables);
        if (missing.Count > 0)
        {
            var found = revision is null ? "no alembic revision" : $"alembic revision '{revision}'";
            throw new MlflowException(
                $"The SQLite file '{path}' has {found}, which this library does not know, and it lacks {string.Join(", ", missing)}. "
                + $"Upgrade it with MLflow (`mlflow db upgrade sqlite:///{path}`), or use a new file; this library writes MLflow 3.5's schema (revision {CurrentRevision}).",
                MlflowErrorCodes.InvalidState);
        }

        return revision ?? "none";
    }

    private static void Create(SqliteWriteScope scope, string defaultArtifactRoot, long nowMillis)
    {
        SqliteDatabase.Execute(scope.Connection, ReadSchemaSql(), scope.Transaction);
        using (var command = scope.NewCommand("INSERT INTO alembic_version (version_num) VALUES ($v)"))
        {
            command.Parameters.AddWithValue("$v", CurrentRevision);
            command.ExecuteNonQuery();
        }

        // MLflow's _create_default_experiment: id 0, "Default", <artifact root>/0, active, created now.
        using (var command = scope.NewCommand(
            "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES (0, 'Default', $a, 'active', $t, $t)"))
        {
            command.Parameters.AddWithValue("$a", SqliteArtifacts.ExperimentLocation(defaultArtifactRoot, "0"));
            command.Parameters.AddWithValue("$t", nowMillis);
            command.ExecuteNonQuery();
        }
    }

    private static HashSet<string> ReadTableNames(SqliteWriteScope scope)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var command = scope.NewCommand("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static string? ReadRevision(SqliteWriteScope scope)
    {
        using var command = scope.NewCommand("SELECT version_num FROM alembic_version");
        return command.ExecuteScalar() as string;
    }

    private static List<string> FindMissingColumns(SqliteWriteScope scope, HashSet<string> tables)
    {
        var missing = new List<string>();
        foreach (var (table, columns) in RequiredColumns)
        {
            if (!tables.Contains(table))
            {
                missing.Add($"table {table}");
                continue;
            }

            var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using var command = scope.NewCommand("SELECT name FROM pragma_table_info($t)");
            command.Parameters.AddWithValue("$t", table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                present.Add(reader.GetString(0));
            }

            missing.AddRange(columns.Where(c => !present.Contains(c)).Select(c => $"column {table}.{c}"));
        }

        return missing;
    }
}
