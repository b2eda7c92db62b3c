using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MLflow.Tracking;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Benchmarks;

/// <summary>
/// Short tracked runs per second against a <see cref="LoopbackMlflowServer"/> that answers every request after
/// 17–23 ms (uniform, seeded), the latency the recorded MLflow 3.5 transcripts show for a server on loopback with a
/// SQLite backend (see docs/performance.md). Each run is three requests (create, log-batch, update), so one run at a
/// time cannot beat about 1 / (3 × 20 ms) ≈ 16 runs/s; the benchmark compares <see cref="MlflowOptions.DeliveryConcurrency"/>
/// 1 with the default. Each invocation tracks 100 runs (one param, two metrics) and ends when the flush says all of
/// them reached the server; the global cleanup checks that the server holds every run, FINISHED, and throws otherwise.
/// Run: <c>dotnet run -c Release --project benchmarks/MLflow.Tracking.Benchmarks -- --filter *RecordedLatencyRunDelivery*</c>
/// </summary>
[MemoryDiagnoser]
[InProcessJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 4)]
public class RecordedLatencyRunDeliveryBenchmarks
{
    private const int Runs = 100;
    private const int MinLatencyMs = 17;
    private const int MaxLatencyMs = 23;
    private const string Experiment = "recorded-latency";

    private readonly Random _latency = new(20_261_201);
    private readonly Lock _latencyGate = new();
    private LoopbackMlflowServer? _server;
    private BackgroundRunTracker? _tracker;
    private string _spoolRoot = string.Empty;
    private int _invocations;
    private FlushResult _lastFlush = FlushResult.Empty;

    /// <summary>Runs delivered at once: 1, and the default of <see cref="MlflowOptions"/>.</summary>
    [Params(1, 4)]
    public int DeliveryConcurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (DeliveryConcurrency != 1 && DeliveryConcurrency != new MlflowOptions().DeliveryConcurrency)
        {
            throw new InvalidOperationException("The second case is meant to be MlflowOptions' default DeliveryConcurrency; update [Params].");
        }

        _server = LoopbackMlflowServer.StartAsync().GetAwaiter().GetResult();
        _server.Faults = async (_, context) =>
        {
            await Task.Delay(NextLatency(), context.RequestAborted).ConfigureAwait(false);
            return false; // then the store answers as usual
        };
        _spoolRoot = StoreEndpoints.NewTempFolder("mlflow-bench-latency");
        _tracker = new BackgroundRunTracker(new MlflowOptions
        {
            TrackingUri = _server.BaseUri.AbsoluteUri,
            SpoolDirectory = _spoolRoot,
            RequestTimeout = TimeSpan.FromSeconds(30),
            FlushTimeout = TimeSpan.FromSeconds(120),
            LogToStandardError = false,
            DeliveryConcurrency = DeliveryConcurrency,
        });
    }

    [IterationCleanup]
    public void CheckFlush()
    {
        if (!_lastFlush.Succeeded)
        {
            throw new InvalidOperationException("Not every run reached the server: " + _lastFlush);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            var statistics = _tracker!.Statistics;
            var experiment = _server!.Store.GetExperimentByNameAsync(Experiment, CancellationToken.None).GetAwaiter().GetResult();
            var runs = _server.Store.SearchRunsAsync(new RunSearchRequest { ExperimentIds = [experiment.ExperimentId], MaxResults = 50_000, ViewType = ViewType.All }, CancellationToken.None).GetAwaiter().GetResult().Items;
            Console.WriteLine($"// RecordedLatencyRunDelivery {DeliveryConcurrency}: {runs.Count} runs on the server (expected {_invocations * Runs}), {_server.RequestCount} requests; {statistics}");
            if (runs.Count != _invocations * Runs || runs.Any(run => run.Info.Status != RunStatus.Finished) || statistics.OperationsSpooled != 0)
            {
                throw new InvalidOperationException("The server does not hold every run, FINISHED.");
            }
        }
        finally
        {
            _tracker!.Dispose();
            _server!.DisposeAsync().AsTask().GetAwaiter().GetResult();
            StoreEndpoints.DeleteFolder(_spoolRoot);
        }
    }

    /// <summary>100 tracked runs of one param and two metrics each, then a flush.</summary>
    [Benchmark(OperationsPerInvoke = Runs)]
    public async Task ShortRuns()
    {
        _invocations++;
        var definition = new TrackedRunDefinition(Experiment, "call", "MLflow.Tracking.Benchmarks.RecordedLatency");
        for (var i = 0; i < Runs; i++)
        {
            var run = _tracker!.StartRun(definition);
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

        _lastFlush = await _tracker!.FlushAsync();
    }

    private TimeSpan NextLatency()
    {
        lock (_latencyGate)
        {
            return TimeSpan.FromMilliseconds(_latency.Next(MinLatencyMs, MaxLatencyMs + 1));
        }
    }
}
