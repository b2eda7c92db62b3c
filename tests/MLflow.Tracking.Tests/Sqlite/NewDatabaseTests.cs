using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MLflow.Tracking.Stores.Sqlite;
using MLflow.Tracking.Tests.TestSupport;

namespace MLflow.Tracking.Tests.Sqlite;

/// <summary>A new file gets exactly MLflow 3.5's schema, its revision and its Default experiment.</summary>
public sealed class NewDatabaseTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task New_file_has_exactly_the_schema_of_MLflow_3_5()
    {
        var path = _temp.File("mlflow.db");
        await using (SqliteMlflowStore.Open(path, new SqliteStoreOptions()))
        {
        }

        var actual = SqliteInspector.Rows(path, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY sql")
            .Select(r => Normalize((string)r[0]!)).ToList();
        var expected = File.ReadAllText(ReferenceData.SchemaFile("mlflow-3.5-schema.sql"))
            .Split(";\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(s => string.Join('\n', s.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal))))
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(Normalize).OrderBy(s => s, StringComparer.Ordinal).ToList();

        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), actual.OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public async Task New_file_has_revision_bf29a5ff90ea()
    {
        var path = _temp.File("mlflow.db");
        await using (SqliteMlflowStore.Open(path, new SqliteStoreOptions()))
        {
        }

        Assert.Equal("bf29a5ff90ea", SqliteInspector.Scalar(path, "SELECT version_num FROM alembic_version"));
    }

    [Fact]
    public async Task New_file_has_the_Default_experiment_as_MLflow_creates_it()
    {
        var path = _temp.File("mlflow.db");
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using (SqliteMlflowStore.Open(path, new SqliteStoreOptions()))
        {
        }

        var row = Assert.Single(SqliteInspector.Rows(path, "SELECT experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time FROM experiments"));
        Assert.Equal(0L, row[0]);
        Assert.Equal("Default", row[1]);
        Assert.Equal(Path.Combine(_temp.Path, "mlruns") + "/0", row[2]);
        Assert.Equal("active", row[3]);
        Assert.InRange((long)row[4]!, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(row[4], row[5]);
    }

    [Fact]
    public async Task New_experiments_and_runs_get_artifact_locations_under_the_default_root()
    {
        var path = _temp.File("mlflow.db");
        await using var store = SqliteMlflowStore.Open(path, new SqliteStoreOptions());
        var client = new MlflowClient(store);

        var id = await client.Experiments.CreateAsync("located");
        var run = await client.Runs.CreateAsync(id, "r");

        var root = Path.Combine(_temp.Path, "mlruns");
        Assert.Equal($"{root}/{id}", (await client.Experiments.GetAsync(id)).ArtifactLocation);
        Assert.Equal($"{root}/{id}/{run.Info.RunId}/artifacts", run.Info.ArtifactUri);
    }

    [Fact]
    public async Task Configured_artifact_root_is_used_for_new_experiments()
    {
        await using var store = SqliteMlflowStore.Open(_temp.File("mlflow.db"), new SqliteStoreOptions { DefaultArtifactRoot = "s3://bucket/root" });
        var client = new MlflowClient(store);

        var id = await client.Experiments.CreateAsync("on-s3");

        Assert.Equal($"s3://bucket/root/{id}", (await client.Experiments.GetAsync(id)).ArtifactLocation);
    }

    [Fact]
    public async Task New_file_uses_WAL_journal_mode()
    {
        var path = _temp.File("mlflow.db");
        await using (SqliteMlflowStore.Open(path, new SqliteStoreOptions()))
        {
        }

        Assert.Equal("wal", SqliteInspector.Scalar(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Reopening_a_file_keeps_its_data_and_creates_no_second_Default()
    {
        var path = _temp.File("mlflow.db");
        await using (var store = SqliteMlflowStore.Open(path, new SqliteStoreOptions()))
        {
            await new MlflowClient(store).Experiments.CreateAsync("kept");
        }

        await using (var store = SqliteMlflowStore.Open(path, new SqliteStoreOptions()))
        {
            var page = await new MlflowClient(store).Experiments.SearchAsync();
            Assert.Equal(["kept", "Default"], page.Items.Select(e => e.Name).ToArray());
        }
    }

    [Fact]
    public async Task Path_in_a_missing_folder_is_created()
    {
        var path = Path.Combine(_temp.Path, "nested", "deeper", "mlflow.db");

        await using (SqliteMlflowStore.Open(path, new SqliteStoreOptions()))
        {
        }

        Assert.True(File.Exists(path));
    }

    private static string Normalize(string sql) => Regex.Replace(sql, @"\s+", " ").Trim();
}
