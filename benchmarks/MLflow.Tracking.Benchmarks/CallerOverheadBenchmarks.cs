using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MLflow.Tracking;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Benchmarks;

/// <summary>Whether the tracking server answers.</summary>
public enum ServerState
{
    /// <summary>A <see cref="LoopbackMlflowServer"/> that answers at once.</summary>
    Up,

    /// <summary>A stopped server (connection refused): everything ends in the local spool.</summary>
    Down,
}

/// <summary>
/// What the calling thread pays, with the background worker running, against a REST store whose server answers
/// (<see cref="LoopbackMlflowServer"/> on 127.0.0.1) and against one that is down (connection refused, so every
/// operation ends in the spool): a generated tracked call (<see cref="CallerModel.Score"/>, whose body is a
/// 256-element dot product, measured alone as <see cref="PlainBody"/>), and <c>ActiveRun.LogMetric</c>,
/// <c>LogText</c> and <c>LogArtifact</c> into an open run. One tracker per case, as in an application; each
/// iteration ends with a flush, so a backlog never carries over. The global cleanup checks where the operations went
/// (all delivered when up; all spooled, none delivered or refused when down) and throws otherwise, so a "down" figure
/// cannot silently be one of a tracker that dropped its data. It also times 5,000 single calls and prints their
/// median and tail (BenchmarkDotNet's Median is the median of the iterations' means).
/// Run: <c>dotnet run -c Release --project benchmarks/MLflow.Tracking.Benchmarks -- --filter *CallerOverhead*</c>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[InProcessJob(RunStrategy.Throughput, warmupCount: 1, iterationCount: 6, invocationCount: 1_000)]
public class CallerOverheadBenchmarks
{
    private const int SampledCalls = 5_000;
    private static readonly TrackedRunDefinition LoggingRun = new("benchmark", "logging", "MLflow.Tracking.Benchmarks.CallerOverhead");

    private readonly CallerModel _model = new();
    private LoopbackMlflowServer? _server;
    private BackgroundRunTracker? _tracker;
    private string _spoolRoot = string.Empty;
    private string _artifactFile = string.Empty;
    private TrackedRunScope? _run;
    private Action _operation = static () => { };
    private string _operationName = string.Empty;
    private bool _operationNeedsRun;
    private string _workFolder = string.Empty;
    private long _step;
    private FlushResult _flushed = FlushResult.Empty;

    /// <summary>Whether the server answers.</summary>
    [Params(ServerState.Up, ServerState.Down)]
    public ServerState Store { get; set; }

    [GlobalSetup(Target = nameof(PlainBody))]
    public void SetupPlain() => Setup(nameof(PlainBody), () => PlainBody(), needsRun: false);

    [GlobalSetup(Target = nameof(GeneratedTrackedCall))]
    public void SetupTrackedCall() => Setup(nameof(GeneratedTrackedCall), () => GeneratedTrackedCall(), needsRun: false);

    [GlobalSetup(Target = nameof(LogMetric))]
    public void SetupLogMetric() => Setup(nameof(LogMetric), LogMetric, needsRun: true);

    [GlobalSetup(Target = nameof(LogText))]
    public void SetupLogText() => Setup(nameof(LogText), LogText, needsRun: true);

    [GlobalSetup(Target = nameof(LogArtifact))]
    public void SetupLogArtifact() => Setup(nameof(LogArtifact), LogArtifact, needsRun: true);

    [IterationSetup(Targets = new[] { nameof(LogMetric), nameof(LogText), nameof(LogArtifact) })]
    public void OpenRun() => _run = _tracker!.StartRun(LoggingRun);

    [IterationCleanup]
    public void EndIteration()
    {
        EndRun();
        _flushed = Add(_flushed, _tracker!.FlushAsync().GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            PrintSampledLatency();
            _flushed = Add(_flushed, _tracker!.FlushAsync().GetAwaiter().GetResult());
            var statistics = _tracker.Statistics;
            Console.WriteLine($"// CallerOverhead {Store}: flushes {_flushed}; {statistics}");
            CheckWhereOperationsWent(statistics);
        }
        finally
        {
            MlflowTracking.SetTracker(new BackgroundRunTracker(new MlflowOptions { Enabled = false }));
            _tracker!.Dispose();
            _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            StoreEndpoints.DeleteFolder(_workFolder);
        }
    }

    /// <summary>The tracked method's body alone (no tracking).</summary>
    [Benchmark(Baseline = true)]
    public double PlainBody() => _model.ScoreCore(0.5);

    /// <summary>The generated wrapper: a whole run (start, param, body, metric, end) queued per call.</summary>
    [Benchmark]
    public double GeneratedTrackedCall() => _model.Score(0.5);

    /// <summary>One metric point into the open run.</summary>
    [Benchmark]
    public void LogMetric() => _run!.LogMetric("loss", 0.25, ++_step);

    /// <summary>A short text artifact into the open run (the text is captured, the upload is the worker's).</summary>
    [Benchmark]
    public void LogText() => _run!.LogText("epoch done", "notes/log.txt");

    /// <summary>A 1 KB file as an artifact of the open run (only its path is queued; the worker streams it).</summary>
    [Benchmark]
    public void LogArtifact() => _run!.LogArtifact(_artifactFile, "files");

    private static FlushResult Add(FlushResult a, FlushResult b) =>
        new(a.Delivered + b.Delivered, a.Spooled + b.Spooled, a.Refused + b.Refused, b.Pending, a.TimedOut || b.TimedOut);

    private void Setup(string name, Action operation, bool needsRun)
    {
        _operationName = name;
        _operation = operation;
        _operationNeedsRun = needsRun;
        _workFolder = StoreEndpoints.NewTempFolder("mlflow-bench-caller");
        _spoolRoot = Path.Combine(_workFolder, "spool");
        _artifactFile = Path.Combine(_workFolder, "artifact.bin");
        File.WriteAllBytes(_artifactFile, new byte[1024]);

        string uri;
        if (Store == ServerState.Up)
        {
            _server = LoopbackMlflowServer.StartAsync().GetAwaiter().GetResult();
            uri = _server.BaseUri.AbsoluteUri;
        }
        else
        {
            uri = StoreEndpoints.StoppedServerUriAsync().GetAwaiter().GetResult();
        }

        _tracker = new BackgroundRunTracker(new MlflowOptions
        {
            TrackingUri = uri,
            SpoolDirectory = _spoolRoot,
            LogToStandardError = false,

            // Up: every iteration's backlog is delivered before the next. Down: the first flush of the outage waits
            // this long once; the data is on disk by then either way.
            FlushTimeout = Store == ServerState.Up ? TimeSpan.FromSeconds(120) : TimeSpan.FromSeconds(1),
            MaxSpoolSize = 1L << 30,
        });
        MlflowTracking.SetTracker(_tracker);
        WarmUp();
    }

    /// <summary>
    /// Runs the operation until the JIT has promoted it (and the body) to optimized code: in-process, the first case
    /// otherwise measures tier-0 code, and a short warm-up iteration does not get that far. Then lets the worker
    /// catch up, so the first iteration starts with an empty queue.
    /// </summary>
    private void WarmUp()
    {
        for (var round = 0; round < 3; round++)
        {
            if (_operationNeedsRun)
            {
                OpenRun();
            }

            for (var i = 0; i < 2_000; i++)
            {
                _operation();
            }

            EndRun();
            Thread.Sleep(200);
        }

        _flushed = Add(_flushed, _tracker!.FlushAsync().GetAwaiter().GetResult());
    }

    private void EndRun()
    {
        if (_run is { } run)
        {
            run.Complete();
            run.Dispose();
            _run = null;
        }
    }

    /// <summary>Times <see cref="SampledCalls"/> single calls of this case's operation and prints the median and tail.</summary>
    private void PrintSampledLatency()
    {
        if (_operationNeedsRun)
        {
            OpenRun();
        }

        // The body alone is timed between the calls, so a change in the machine's load (other processes on the
        // other core or hyperthread) moves both figures alike and their difference stays the tracking's cost.
        var ticks = new long[SampledCalls];
        var bodyTicks = new long[SampledCalls];
        for (var i = 0; i < SampledCalls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            _operation();
            var middle = Stopwatch.GetTimestamp();
            _model.ScoreCore(0.5);
            bodyTicks[i] = Stopwatch.GetTimestamp() - middle;
            ticks[i] = middle - start;
        }

        EndRun();
        Array.Sort(ticks);
        Array.Sort(bodyTicks);
        static double Ns(long[] sorted, double quantile) => sorted[(int)Math.Min(sorted.Length - 1, quantile * sorted.Length)] * 1e9 / Stopwatch.Frequency;
        Console.WriteLine($"// CallerOverhead {Store} {_operationName}: {SampledCalls} single calls, p50 {Ns(ticks, 0.5):F0} ns, p90 {Ns(ticks, 0.9):F0} ns, p99 {Ns(ticks, 0.99):F0} ns, max {Ns(ticks, 1):F0} ns; the plain body timed between them: p50 {Ns(bodyTicks, 0.5):F0} ns, p99 {Ns(bodyTicks, 0.99):F0} ns");
    }

    private void CheckWhereOperationsWent(RunTrackerStatistics statistics)
    {
        if (statistics.OperationsQueued == 0)
        {
            return; // PlainBody: nothing tracked
        }

        var problem = Store == ServerState.Up
            ? statistics.OperationsDelivered != statistics.OperationsQueued || statistics.OperationsSpooled != 0
            : statistics.OperationsSpooled != statistics.OperationsQueued || statistics.OperationsDelivered != 0;
        if (problem || statistics.OperationsDropped != 0 || statistics.PendingOperations != 0 || _flushed.Refused != 0)
        {
            throw new InvalidOperationException($"Store {Store}: the operations did not end where this case claims ({statistics}; flushes {_flushed}), so its figure would not mean what it says.");
        }
    }
}

/// <summary>
/// A tracked method implemented by the source generator, as a user would write it. Its body is compiled fully
/// optimized at once: in-process, the first case of a run otherwise measured a body of 1.9–2.9 µs instead of 0.3 µs
/// for its whole duration (apparently tier-0 code) on a loaded machine, which made the baseline, not the tracking, the
/// variable.
/// </summary>
public sealed partial class CallerModel
{
    private readonly double[] _weights = CreateWeights();
    private readonly double[] _features = CreateWeights();

    [TrackedRun(Experiment = "benchmark", RunName = "score")]
    [return: LogMetric("score")]
    public partial double Score([LogParam] double threshold);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    internal double ScoreCore(double threshold)
    {
        var sum = 0.0;
        for (var i = 0; i < _weights.Length; i++)
        {
            sum += _weights[i] * _features[i];
        }

        return sum > threshold ? sum : -sum;
    }

    private static double[] CreateWeights()
    {
        var values = new double[256];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Sin(i) * 0.01;
        }

        return values;
    }
}
