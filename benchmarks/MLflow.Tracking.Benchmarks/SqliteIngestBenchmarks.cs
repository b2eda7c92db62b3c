using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using MLflow.Tracking;
using MLflow.Tracking.Stores.Sqlite;
using Microsoft.Data.Sqlite;

namespace MLflow.Tracking.Benchmarks;

/// <summary>
/// Metric points per second into one run of a SQLite mlflow.db through <c>client.Runs.LogBatchAsync</c>, batches of
/// 1000 (MLflow's batch limit). Times are per point (OperationsPerInvoke), so points/s = 1e9 / Mean[ns].
/// </summary>
[MemoryDiagnoser]
public class SqliteIngestBenchmarks
{
    private const int BatchSize = 1000;
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    private string _directory = string.Empty;
    private SqliteMlflowStore? _store;
    private MlflowClient? _client;
    private string _runId = string.Empty;
    private long _step;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "mlflow-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _store = SqliteMlflowStore.Open(Path.Combine(_directory, "mlflow.db"), new SqliteStoreOptions());
        _client = new MlflowClient(_store);
        _runId = _client.Runs.CreateAsync("0", "ingest").GetAwaiter().GetResult().Info.RunId;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "LogBatchAsync, 1000 points per batch, one run")]
    public Task LogBatchOf1000()
    {
        var metrics = new List<Metric>(BatchSize);
        for (var i = 0; i < BatchSize; i++)
        {
            var step = _step++;
            metrics.Add(new Metric(i % 2 == 0 ? "loss" : "accuracy", step * 0.001, T0.AddMilliseconds(step), step));
        }

        return _client!.Runs.LogBatchAsync(_runId, metrics);
    }
}
