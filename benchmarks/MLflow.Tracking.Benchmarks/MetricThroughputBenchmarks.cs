using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MLflow.Tracking;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Benchmarks;

/// <summary>
/// Metric throughput over real HTTP (loopback) into one run of a <see cref="LoopbackMlflowServer"/>: the batched
/// pipeline (tracked run → BackgroundRunTracker queue → REST store log-batch of up to 1000 points) against one
/// <c>runs/log-metric</c> request per metric (<c>client.Runs.LogMetricAsync</c> in a loop), 2,000 metrics each.
/// Each invocation ends only when every point has been accepted by the server. Ratio (baseline: one request per
/// metric) is the throughput gain of batching; the design target is ≥ 100×.
/// Run: <c>dotnet run -c Release --project benchmarks/MLflow.Tracking.Benchmarks -- --filter *MetricThroughput*</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class MetricThroughputBenchmarks
{
    private const int Metrics = 2_000;

    private LoopbackMlflowServer? _server;
    private MlflowClient? _client;
    private BackgroundRunTracker? _tracker;
    private string _runId = string.Empty;
    private long _round;

    [GlobalSetup]
    public void Setup()
    {
        _server = LoopbackMlflowServer.StartAsync().GetAwaiter().GetResult();
        _client = new MlflowClient(Options());
        var experimentId = _client.Experiments.CreateAsync("throughput").GetAwaiter().GetResult();
        _runId = _client.Runs.CreateAsync(experimentId, "throughput").GetAwaiter().GetResult().Info.RunId;

        // Tracked runs attach to the same run as the per-request baseline (MLFLOW_RUN_ID behaviour). One tracker
        // for the whole benchmark, as in an application: its store connection and experiment cache are warm.
        var options = Options();
        options.RunId = _runId;
        _tracker = new BackgroundRunTracker(options);
    }

    /// <summary>Nothing to prepare; declared so both benchmarks share one job (and BenchmarkDotNet computes the ratio).</summary>
    [IterationSetup(Target = nameof(OneRequestPerMetric))]
    public void SetupPerRequest()
    {
    }

    /// <summary>Nothing to prepare; the tracker lives for the whole benchmark, as it does in an application.</summary>
    [IterationSetup(Target = nameof(BatchedPipeline))]
    public void SetupTracker()
    {
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tracker!.Dispose();
        _client!.Dispose();
        _server!.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>One <c>runs/log-metric</c> request per metric.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Metrics)]
    public async Task OneRequestPerMetric()
    {
        var step = NextRound();
        for (var i = 0; i < Metrics; i++)
        {
            await _client!.Runs.LogMetricAsync(_runId, "loss", i, step: step + i);
        }
    }

    /// <summary>The tracked-run pipeline: LogMetric on the caller, batches delivered by the background worker.</summary>
    [Benchmark(OperationsPerInvoke = Metrics)]
    public async Task BatchedPipeline()
    {
        var step = NextRound();
        var run = _tracker!.StartRun(new TrackedRunDefinition("throughput", "batched", "MLflow.Tracking.Benchmarks.Throughput"));
        try
        {
            for (var i = 0; i < Metrics; i++)
            {
                run.LogMetric("loss", i, step + i);
            }

            run.Complete();
        }
        finally
        {
            run.Dispose();
        }

        await _tracker.FlushAsync();
    }

    private long NextRound() => ++_round * Metrics;

    private MlflowOptions Options() => new()
    {
        TrackingUri = _server!.BaseUri.AbsoluteUri,
        MaxRetries = 0,
        RequestTimeout = TimeSpan.FromSeconds(30),
        FlushTimeout = TimeSpan.FromSeconds(60),
    };
}
