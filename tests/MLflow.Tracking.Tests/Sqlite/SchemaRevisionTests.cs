using System;
using System.Threading.Tasks;
using MLflow.Tracking.Stores.Sqlite;
using MLflow.Tracking.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace MLflow.Tracking.Tests.Sqlite;

/// <summary>Files with a revision this library does not know: used when they have what it writes, else refused clearly.</summary>
public sealed class SchemaRevisionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Unknown_revision_with_every_needed_column_is_used_unchanged()
    {
        var path = _temp.CopyReferenceDatabase("mlflow-3.5.db");
        Execute(path, "UPDATE alembic_version SET version_num = 'ffffffffffff'");

        await using (var store = SqliteMlflowStore.Open(path, new SqliteStoreOptions()))
        {
            var run = await new MlflowClient(store).Runs.CreateAsync("1", "future");
            Assert.Equal("future", run.Info.RunName);
            Assert.Equal("ffffffffffff", store.Revision);
        }

        Assert.Equal("ffffffffffff", SqliteInspector.Scalar(path, "SELECT version_num FROM alembic_version"));
    }

    [Fact]
    public void Unknown_revision_missing_a_column_is_refused_naming_revision_and_column()
    {
        var path = _temp.File("old.db");
        Execute(path, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL); INSERT INTO alembic_version VALUES ('0123456789ab'); CREATE TABLE experiments (experiment_id INTEGER PRIMARY KEY, name TEXT);");

        var error = Assert.ThrowsAny<MlflowException>(() => SqliteMlflowStore.Open(path, new SqliteStoreOptions()));

        Assert.Contains("'0123456789ab'", error.Message, StringComparison.Ordinal);
        Assert.Contains("column experiments.artifact_location", error.Message, StringComparison.Ordinal);
        Assert.Contains("mlflow db upgrade", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_with_foreign_tables_and_no_revision_is_refused()
    {
        var path = _temp.File("other.db");
        Execute(path, "CREATE TABLE something (id INTEGER);");

        var error = Assert.ThrowsAny<MlflowException>(() => SqliteMlflowStore.Open(path, new SqliteStoreOptions()));

        Assert.Contains("no alembic revision", error.Message, StringComparison.Ordinal);
    }
}
