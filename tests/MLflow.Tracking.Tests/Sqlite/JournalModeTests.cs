using System;
using System.IO;
using System.Threading.Tasks;
using MLflow.Tracking.Stores.Sqlite;
using MLflow.Tracking.Tests.TestSupport;

namespace MLflow.Tracking.Tests.Sqlite;

/// <summary>The journal mode lives in the file and outlives the store: only files the store creates get WAL.</summary>
public sealed class JournalModeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    // Bytes 18 and 19 of a SQLite file are its write and read format versions: 1 is rollback journal, 2 is WAL.
    private static (byte Write, byte Read) HeaderFormat(string path)
    {
        var header = new byte[20];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        return (header[18], header[19]);
    }

    [Theory]
    [InlineData("mlflow-3.5.db")]
    [InlineData("mlflow-3.1.db")]
    public async Task A_file_MLflow_wrote_keeps_its_rollback_journal_after_writes(string reference)
    {
        var path = _temp.CopyReferenceDatabase(reference);
        Assert.Equal("delete", SqliteInspector.Scalar(path, "PRAGMA journal_mode"));

        await using (var store = SqliteMlflowStore.Open(path, new SqliteStoreOptions()))
        {
            var client = new MlflowClient(store);
            var run = await client.Runs.CreateAsync("0", "kept-in-delete-mode");
            await client.Runs.LogMetricAsync(run.Info.RunId, "loss", 0.5, step: 1);
            await client.Runs.SetTerminatedAsync(run.Info.RunId, RunStatus.Finished);
        }

        Assert.Equal("delete", SqliteInspector.Scalar(path, "PRAGMA journal_mode"));
        Assert.Equal(((byte)1, (byte)1), HeaderFormat(path));
        Assert.False(File.Exists(path + "-wal"), "a rollback-mode file never gets a -wal file");
        Assert.Equal(1L, SqliteInspector.Scalar(path, "SELECT COUNT(*) FROM runs WHERE name = 'kept-in-delete-mode' AND status = 'FINISHED'"));
    }

    [Fact]
    public async Task A_file_the_store_creates_is_WAL_and_stays_WAL_when_reopened()
    {
        var path = _temp.File("new.db");
        await using (SqliteMlflowStore.Open(path, new SqliteStoreOptions()))
        {
        }

        Assert.Equal(((byte)2, (byte)2), HeaderFormat(path));
        await using (var store = SqliteMlflowStore.Open(path, new SqliteStoreOptions()))
        {
            await new MlflowClient(store).Experiments.CreateAsync("again");
        }

        Assert.Equal("wal", SqliteInspector.Scalar(path, "PRAGMA journal_mode"));
    }
}
