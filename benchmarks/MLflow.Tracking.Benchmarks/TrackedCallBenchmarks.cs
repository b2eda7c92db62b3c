using System;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using MLflow.Tracking;
using MLflow.Tracking.Testing;

namespace MLflow.Tracking.Benchmarks;

/// <summary>
/// Caller-thread cost of a tracked call: a plain call, then the exact sequence generated wrappers run
/// (IsEnabled, StartRun, LogParam, body, LogMetric, Complete, Dispose) with tracking disabled and enabled.
/// Enabled runs go to a background tracker over an in-memory store; each iteration gets a fresh store and is
/// flushed afterwards, so the queue never backs up into the measurement. <c>TrackingEnabled</c> lets the worker
/// deliver concurrently (on a 2-core machine it competes for CPU, and the allocation column is process-wide, so it
/// includes the worker's); <c>TrackingEnabledCallerOnly</c> holds delivery back for the iteration and shows what
/// the tracked call itself pays.
/// Run: <c>dotnet run -c Release --project benchmarks/MLflow.Tracking.Benchmarks -- --filter *TrackedCall*</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 3, iterationCount: 10, invocationCount: 20_000)]
public class TrackedCallBenchmarks
{
    private static readonly TrackedRunDefinition Definition = new("benchmark", "train", "MLflow.Tracking.Benchmarks.Trainer.Train", new[] { new Tag("team", "vision") });

    private InMemoryMlflowStore? _store;
    private MlflowClient? _client;
    private BackgroundRunTracker? _tracker;
    private readonly double _learningRate = 0.01;
    private IDisposable? _pause;

    [IterationSetup(Target = nameof(TrackingDisabled))]
    public void SetupDisabled() => Install(new MlflowOptions { Enabled = false });

    [IterationSetup(Target = nameof(TrackingEnabled))]
    public void SetupEnabled() => Install(new MlflowOptions());

    [IterationSetup(Target = nameof(TrackingEnabledCallerOnly))]
    public void SetupEnabledCallerOnly()
    {
        Install(new MlflowOptions());
        _pause = _tracker!.PauseDelivery();
    }

    [IterationCleanup(Targets = new[] { nameof(TrackingDisabled), nameof(TrackingEnabled), nameof(TrackingEnabledCallerOnly) })]
    public void Cleanup()
    {
        _pause?.Dispose();
        _pause = null;
        _tracker!.FlushAsync().GetAwaiter().GetResult();
        _tracker.Dispose();
        _client!.Dispose();
    }

    [Benchmark(Baseline = true)]
    public double PlainCall() => TrainCore(_learningRate);

    [Benchmark]
    public double TrackingDisabled() => TrackedTrain(_learningRate);

    [Benchmark]
    public double TrackingEnabled() => TrackedTrain(_learningRate);

    /// <summary>Enabled, with the worker held back during the iteration: only the caller thread's cost.</summary>
    [Benchmark]
    public double TrackingEnabledCallerOnly() => TrackedTrain(_learningRate);

    /// <summary>What the generator emits for <c>[TrackedRun] [return: LogMetric("score")] double Train([LogParam] double lr)</c>.</summary>
    private static double TrackedTrain(double learningRate)
    {
        var tracker = MlflowTracking.Tracker;
        if (!tracker.IsEnabled)
        {
            return TrainCore(learningRate);
        }

        var run = tracker.StartRun(Definition);
        try
        {
            run.LogParam("learningRate", learningRate);
            var result = TrainCore(learningRate);
            run.LogMetric("score", result);
            run.Complete();
            return result;
        }
        catch (Exception ex) when (run.Fail(ex))
        {
            throw;
        }
        finally
        {
            run.Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double TrainCore(double learningRate) => (learningRate * 2) + 1;

    private void Install(MlflowOptions options)
    {
        _store = new InMemoryMlflowStore();
        _client = new MlflowClient(_store);
        _tracker = new BackgroundRunTracker(_client, options);
        MlflowTracking.SetTracker(_tracker);
    }
}
