using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MLflow.Tracking;
using MLflow.Tracking.Spool;
using MLflow.Tracking.TestSupport;
using Microsoft.Data.Sqlite;

namespace MLflow.Tracking.Benchmarks;

/// <summary>
/// The durable spool's throughput in metric points per second (points/s = Runs × 1,000 / Mean).
/// <list type="bullet">
/// <item><see cref="WriteToSpool"/>: <see cref="Runs"/> runs of 1,000 points each are tracked against a stopped server
/// (connection refused) that the tracker already knows is down, then a flush (200 ms
/// <see cref="MlflowOptions.FlushTimeout"/>) wakes the worker; the invocation ends when the tracker counts every
/// operation as spooled. It includes the caller's logging.</item>
/// <item><see cref="ReplayIntoServer"/> and <see cref="ReplayIntoSqlite"/>: the same spool (written the same way in
/// the iteration's setup, then moved into the spool folder of the store under test) is delivered by
/// <c>ReplaySpoolAsync</c> of a running tracker, into a <see cref="LoopbackMlflowServer"/> that answers at once and
/// into an embedded SQLite <c>mlflow.db</c>. A spool file holds no store-specific data when the store was never
/// reached (runs are named by client keys, experiments by name), so moving it is what a user copying a spool folder
/// would do.</item>
/// <item><see cref="LiveIntoSqlite"/>: the same runs tracked live into the SQLite store and flushed, without the spool:
/// the baseline that says how much of a replay's time is the replay's own.</item>
/// </list>
/// Each iteration's cleanup checks where the operations went and throws otherwise; the global cleanup checks that
/// the store holds every run with all its points.
/// Run: <c>dotnet run -c Release --project benchmarks/MLflow.Tracking.Benchmarks -- --filter *SpoolThroughput*</c>
/// </summary>
[MemoryDiagnoser]
[InProcessJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 4)]
public class SpoolThroughputBenchmarks
{
    private const int PointsPerRun = 1_000;
    private const string Experiment = "spool-benchmark";
    private static readonly TimeSpan WaitBound = TimeSpan.FromSeconds(60);

    private string _downUri = string.Empty;
    private string _workFolder = string.Empty;
    private string _stageRoot = string.Empty;
    private BackgroundRunTracker? _writer;
    private FlushResult _written = FlushResult.Empty;

    private LoopbackMlflowServer? _server;
    private string _sqlitePath = string.Empty;
    private BackgroundRunTracker? _replayer;
    private string _replaySpoolFolder = string.Empty;
    private SpoolReplayResult _replayed = SpoolReplayResult.Empty;
    private int _replays;
    private Task<FlushResult>? _flush;
    private long _deliveredBefore;
    private long _respooledBefore;
    private long _respooled;

    /// <summary>
    /// Runs of 1,000 points in the spool: 50 (50,100 operations) stays below the default
    /// <see cref="MlflowOptions.MaxQueueLength"/> of 100,000 when replayed, 100 (100,200 operations) goes past it.
    /// </summary>
    [Params(50, 100)]
    public int Runs { get; set; }

    private long OperationsPerSpool => Runs * (PointsPerRun + 2L); // creation, points, termination

    [GlobalSetup(Target = nameof(WriteToSpool))]
    public void SetupWrite() => SetupCommon();

    [GlobalSetup(Target = nameof(ReplayIntoServer))]
    public void SetupServerReplay()
    {
        SetupCommon();
        _server = LoopbackMlflowServer.StartAsync().GetAwaiter().GetResult();
        StartReplayer(_server.BaseUri.AbsoluteUri);
    }

    [GlobalSetup(Target = nameof(ReplayIntoSqlite))]
    public void SetupSqliteReplay()
    {
        SetupCommon();
        _sqlitePath = Path.Combine(_workFolder, "mlflow.db");
        StartReplayer("sqlite:///" + _sqlitePath);
    }

    [GlobalSetup(Target = nameof(LiveIntoSqlite))]
    public void SetupLiveSqlite()
    {
        SetupCommon();
        _sqlitePath = Path.Combine(_workFolder, "mlflow.db");
        StartReplayer("sqlite:///" + _sqlitePath);
        var warm = _replayer!.StartRun(new TrackedRunDefinition("warm-up", "warm-up", "MLflow.Tracking.Benchmarks.SpoolThroughput"));
        warm.Complete();
        warm.Dispose();
        _replayer.FlushAsync().GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(LiveIntoSqlite))]
    public void BeforeLive() => _deliveredBefore = _replayer!.Statistics.OperationsDelivered;

    [IterationCleanup(Target = nameof(LiveIntoSqlite))]
    public void CheckLive()
    {
        _replays++;
        var statistics = _replayer!.Statistics;
        if (!_written.Succeeded || statistics.OperationsDelivered - _deliveredBefore != OperationsPerSpool || statistics.OperationsSpooled != 0)
        {
            throw new InvalidOperationException($"The live delivery did not store every run: {_written}; {statistics}");
        }
    }

    [IterationSetup(Target = nameof(WriteToSpool))]
    public void NewWriter()
    {
        StoreEndpoints.DeleteFolder(_stageRoot);
        _writer = NewDownTracker(_stageRoot);

        // The server has been down for a while: the tracker has found out already (one run, spooled).
        var run = _writer.StartRun(new TrackedRunDefinition(Experiment, "outage", "MLflow.Tracking.Benchmarks.SpoolThroughput"));
        run.Complete();
        run.Dispose();
        var first = _writer.FlushAsync().GetAwaiter().GetResult();
        if (first.Spooled != 2 || _writer.Statistics.OperationsSpooled != 2)
        {
            throw new InvalidOperationException("The down tracker did not spool its first run: " + first);
        }
    }

    [IterationCleanup(Target = nameof(WriteToSpool))]
    public void CheckWritten()
    {
        _written = _flush!.GetAwaiter().GetResult();
        var statistics = _writer!.Statistics;
        _writer.Dispose();
        if (statistics.OperationsSpooled != OperationsPerSpool + 2 || statistics.OperationsDelivered != 0 || statistics.OperationsDropped != 0 || statistics.PendingOperations != 0)
        {
            throw new InvalidOperationException($"Not everything went to the spool: {statistics}; flush {_written}");
        }
    }

    [IterationSetup(Targets = new[] { nameof(ReplayIntoServer), nameof(ReplayIntoSqlite) })]
    public void PrepareSpool()
    {
        StoreEndpoints.DeleteFolder(_stageRoot);
        using (var writer = NewDownTracker(_stageRoot))
        {
            LogRuns(writer, Runs);
            var flush = writer.FlushAsync();
            WaitUntilSpooledAsync(writer, OperationsPerSpool).GetAwaiter().GetResult();
            flush.GetAwaiter().GetResult();
            if (writer.Statistics.OperationsDelivered != 0 || writer.Statistics.PendingOperations != 0)
            {
                throw new InvalidOperationException("The down tracker did not spool everything: " + writer.Statistics);
            }
        }

        var moved = 0;
        Directory.CreateDirectory(_replaySpoolFolder);
        _deliveredBefore = _replayer!.Statistics.OperationsDelivered;
        _respooledBefore = _replayer.Statistics.OperationsSpooled;
        foreach (var storeFolder in Directory.GetDirectories(_stageRoot))
        {
            foreach (var file in Directory.GetFiles(storeFolder, "*.json"))
            {
                File.Move(file, Path.Combine(_replaySpoolFolder, Path.GetFileName(file)));
                moved++;
            }
        }

        if (moved == 0)
        {
            throw new InvalidOperationException("The down tracker wrote no spool file.");
        }
    }

    [IterationCleanup(Targets = new[] { nameof(ReplayIntoServer), nameof(ReplayIntoSqlite) })]
    public void CheckReplayed()
    {
        _replays++;
        var statistics = _replayer!.Statistics;
        _respooled += statistics.OperationsSpooled - _respooledBefore;
        if (statistics.OperationsDelivered - _deliveredBefore != OperationsPerSpool || _replayed.Remaining != 0 || statistics.PendingOperations != 0
            || Directory.GetFiles(_replaySpoolFolder, "*.json").Length != 0)
        {
            throw new InvalidOperationException($"The replay did not deliver the whole spool: {_replayed}; {statistics}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            if (_replayer is not null)
            {
                Console.WriteLine($"// SpoolThroughput replay, {Runs} runs: last {_replayed}; written back to the spool during replays: {_respooled} operations in {_replays} iterations; {_replayer.Statistics}");
                CheckStoreHoldsEverything();
            }
        }
        finally
        {
            _replayer?.Dispose();
            _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            SqliteConnection.ClearAllPools();
            StoreEndpoints.DeleteFolder(_workFolder);
        }
    }

    /// <summary>
    /// The runs logged into a tracker whose server is down, then a flush (with a 200 ms deadline) wakes the worker;
    /// the invocation ends when the tracker counts every operation as spooled (the flush's result is checked after).
    /// </summary>
    [Benchmark]
    public async Task WriteToSpool()
    {
        var target = _writer!.Statistics.OperationsSpooled + OperationsPerSpool;
        LogRuns(_writer, Runs);
        _flush = _writer.FlushAsync();
        await WaitUntilSpooledAsync(_writer, target);
    }

    /// <summary>The spool delivered to a loopback MLflow server.</summary>
    [Benchmark]
    public async Task ReplayIntoServer() => _replayed = await _replayer!.ReplaySpoolAsync();

    /// <summary>The baseline of <see cref="ReplayIntoSqlite"/>: the same runs tracked live into the SQLite store (no spool), then flushed.</summary>
    [Benchmark]
    public async Task LiveIntoSqlite()
    {
        LogRuns(_replayer!, Runs);
        _written = await _replayer!.FlushAsync();
    }

    /// <summary>The spool delivered into the embedded SQLite store.</summary>
    [Benchmark]
    public async Task ReplayIntoSqlite() => _replayed = await _replayer!.ReplaySpoolAsync();

    private static void LogRuns(BackgroundRunTracker tracker, int runs)
    {
        var definition = new TrackedRunDefinition(Experiment, "spooled", "MLflow.Tracking.Benchmarks.SpoolThroughput");
        for (var r = 0; r < runs; r++)
        {
            var run = tracker.StartRun(definition);
            try
            {
                for (var step = 0; step < PointsPerRun; step++)
                {
                    run.LogMetric("loss", 1.0 / (step + 1), step);
                }

                run.Complete();
            }
            finally
            {
                run.Dispose();
            }
        }
    }

    /// <summary>Polls (every millisecond, at most a minute) until the tracker counts <paramref name="target"/> operations as spooled.</summary>
    private static async Task WaitUntilSpooledAsync(BackgroundRunTracker tracker, long target)
    {
        var bound = Stopwatch.StartNew();
        while (tracker.Statistics.OperationsSpooled < target)
        {
            if (bound.Elapsed > WaitBound)
            {
                throw new InvalidOperationException("The spool did not take every operation within a minute: " + tracker.Statistics);
            }

            await Task.Delay(1);
        }
    }

    private void SetupCommon()
    {
        _downUri = StoreEndpoints.StoppedServerUriAsync().GetAwaiter().GetResult();
        _workFolder = StoreEndpoints.NewTempFolder("mlflow-bench-spool");
        _stageRoot = Path.Combine(_workFolder, "stage");
    }

    private BackgroundRunTracker NewDownTracker(string spoolRoot) => new(new MlflowOptions
    {
        TrackingUri = _downUri,
        SpoolDirectory = spoolRoot,
        FlushTimeout = TimeSpan.FromMilliseconds(200),
        MaxSpoolSize = 1L << 30,
        LogToStandardError = false,
    });

    /// <summary>A running tracker for the store under test, its (empty) spool looked at once, so the store is open and warm.</summary>
    private void StartReplayer(string uri)
    {
        var replayRoot = Path.Combine(_workFolder, "replay");
        _replayer = new BackgroundRunTracker(new MlflowOptions
        {
            TrackingUri = uri,
            SpoolDirectory = replayRoot,
            FlushTimeout = TimeSpan.FromSeconds(120),
            RequestTimeout = TimeSpan.FromSeconds(60),
            LogToStandardError = false,
        });
        var first = _replayer.ReplaySpoolAsync().GetAwaiter().GetResult();
        if (first.Files != 0)
        {
            throw new InvalidOperationException("A fresh spool folder held files: " + first);
        }

        using var client = new MlflowClient(new MlflowOptions { TrackingUri = uri });
        _replaySpoolFolder = RunSpool.DirectoryFor(replayRoot, client.Store.Description);
    }

    private void CheckStoreHoldsEverything()
    {
        using var sqlite = _server is null ? new MlflowClient(new MlflowOptions { TrackingUri = "sqlite:///" + _sqlitePath }) : null;
        var store = sqlite?.Store ?? _server!.Store;
        var experiment = store.GetExperimentByNameAsync(Experiment, CancellationToken.None).GetAwaiter().GetResult();
        var runs = store.SearchRunsAsync(new RunSearchRequest { ExperimentIds = [experiment.ExperimentId], MaxResults = 50_000, ViewType = ViewType.All }, CancellationToken.None).GetAwaiter().GetResult().Items;
        var expected = _replays * Runs;
        var last = runs.Count == 0 ? 0 : store.GetMetricHistoryAsync(runs[0].Info.RunId, "loss", 50_000, null, CancellationToken.None).GetAwaiter().GetResult().Items.Count;
        Console.WriteLine($"// SpoolThroughput: the store holds {runs.Count} runs (expected {expected}); one of them has {last} points (expected {PointsPerRun})");
        if (runs.Count != expected || last != PointsPerRun || runs.Any(run => run.Info.Status != RunStatus.Finished))
        {
            throw new InvalidOperationException("The store does not hold every replayed run whole.");
        }
    }
}
