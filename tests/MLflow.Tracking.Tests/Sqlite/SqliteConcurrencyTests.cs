using System;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.Stores.Sqlite;
using MLflow.Tracking.Tests.TestSupport;

namespace MLflow.Tracking.Tests.Sqlite;

/// <summary>Several threads and several store instances (as separate processes would) writing one file lose and duplicate nothing.</summary>
public sealed class SqliteConcurrencyTests : IDisposable
{
    private const int BatchesPerWriter = 20;
    private const int PointsPerBatch = 1000;
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Task WriteAsync(MlflowClient client, string runId, int writer) => Task.Run(async () =>
    {
        for (var batch = 0; batch < BatchesPerWriter; batch++)
        {
            var metrics = Enumerable.Range(0, PointsPerBatch)
                .Select(i => new Metric("w" + writer, i, T0.AddMilliseconds(batch), (batch * PointsPerBatch) + i))
                .ToList();
            await client.Runs.LogBatchAsync(runId, metrics);
        }
    });

    [Fact]
    public async Task Four_threads_logging_batches_into_one_run_keep_every_point_once()
    {
        var path = _temp.File("mlflow.db");
        await using var store = SqliteMlflowStore.Open(path, new SqliteStoreOptions());
        var client = new MlflowClient(store);
        var run = await client.Runs.CreateAsync("0", "concurrent", startTime: T0);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => WriteAsync(client, run.Info.RunId, w)));

        Assert.Equal(4L * BatchesPerWriter * PointsPerBatch, SqliteInspector.Scalar(path, $"SELECT COUNT(*) FROM metrics WHERE run_uuid = '{run.Info.RunId}'"));
        var latest = (await client.Runs.GetAsync(run.Info.RunId)).Data.Metrics;
        Assert.Equal(4, latest.Count);
        Assert.All(latest, m => Assert.Equal((BatchesPerWriter * PointsPerBatch) - 1, m.Step));
    }

    [Fact]
    public async Task Two_store_instances_on_one_file_keep_every_point_once()
    {
        var path = _temp.File("mlflow.db");
        await using var first = SqliteMlflowStore.Open(path, new SqliteStoreOptions());
        await using var second = SqliteMlflowStore.Open(path, new SqliteStoreOptions());
        var run = await new MlflowClient(first).Runs.CreateAsync("0", "two-processes", startTime: T0);

        await Task.WhenAll(
            WriteAsync(new MlflowClient(first), run.Info.RunId, 0),
            WriteAsync(new MlflowClient(second), run.Info.RunId, 1),
            WriteAsync(new MlflowClient(first), run.Info.RunId, 2),
            WriteAsync(new MlflowClient(second), run.Info.RunId, 3));

        Assert.Equal(4L * BatchesPerWriter * PointsPerBatch, SqliteInspector.Scalar(path, $"SELECT COUNT(*) FROM metrics WHERE run_uuid = '{run.Info.RunId}'"));
        Assert.Equal(4, (await new MlflowClient(second).Runs.GetAsync(run.Info.RunId)).Data.Metrics.Count);
    }

    [Fact]
    public async Task Two_store_instances_creating_runs_concurrently_create_all_of_them()
    {
        var path = _temp.File("mlflow.db");
        await using var first = SqliteMlflowStore.Open(path, new SqliteStoreOptions());
        await using var second = SqliteMlflowStore.Open(path, new SqliteStoreOptions());

        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 50; i++) { await new MlflowClient(first).Runs.CreateAsync("0", "a" + i); } }),
            Task.Run(async () => { for (var i = 0; i < 50; i++) { await new MlflowClient(second).Runs.CreateAsync("0", "b" + i); } }));

        Assert.Equal(100, (await new MlflowClient(first).Runs.SearchAsync(["0"])).Items.Count);
    }
}
