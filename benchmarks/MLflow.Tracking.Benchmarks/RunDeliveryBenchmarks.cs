using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MLflow.Tracking;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Benchmarks;

/// <summary>
/// Many short tracked runs (a service tracking each call) delivered to a <see cref="LoopbackMlflowServer"/> that
/// answers each request after 2 ms, standing in for a real MLflow server's per-request cost. Each run needs three
/// requests (create, log-batch, update), so one run at a time caps delivery near 150 runs/s; the benchmark compares
/// <see cref="MlflowOptions.DeliveryConcurrency"/> 1 with the default 4. Each invocation ends when the server has
/// everything (flush).
/// Run: <c>dotnet run -c Release --project benchmarks/MLflow.Tracking.Benchmarks -- --filter *RunDelivery*</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 6)]
public class RunDeliveryBenchmarks
{
    private const int Runs = 200;
    private static readonly TimeSpan ServerLatency = TimeSpan.FromMilliseconds(2);

    private LoopbackMlflowServer? _server;
    private BackgroundRunTracker? _tracker;

    /// <summary>Runs delivered at once; 1 is the sequential baseline.</summary>
    [Params(1, 4)]
    public int DeliveryConcurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = LoopbackMlflowServer.StartAsync().GetAwaiter().GetResult();
        _server.Faults = async (_, _) =>
        {
            await Task.Delay(ServerLatency).ConfigureAwait(false);
            return false; // then the store answers as usual
        };
        _tracker = new BackgroundRunTracker(new MlflowOptions
        {
            TrackingUri = _server.BaseUri.AbsoluteUri,
            MaxRetries = 0,
            RequestTimeout = TimeSpan.FromSeconds(30),
            FlushTimeout = TimeSpan.FromSeconds(120),
            DeliveryConcurrency = DeliveryConcurrency,
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tracker!.Dispose();
        _server!.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>200 tracked runs of one param and two metrics each, then a flush.</summary>
    [Benchmark(OperationsPerInvoke = Runs)]
    public async Task ShortRuns()
    {
        for (var i = 0; i < Runs; i++)
        {
            var run = _tracker!.StartRun(new TrackedRunDefinition("delivery", "call", "MLflow.Tracking.Benchmarks.RunDelivery"));
            try
            {
                run.LogParam("index", i);
                run.LogMetric("latency_ms", i * 0.5);
                run.LogMetric("score", 1.0 / (i + 1));
                run.Complete();
            }
            finally
            {
                run.Dispose();
            }
        }

        await _tracker!.FlushAsync();
    }
}
