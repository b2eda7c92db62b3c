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
/// flushed afterwards, so the queue never backs up into the measurement.
/// Run: <c>dotnet run -c Release --project benchmarks/MLflow.Tracking.Benchmarks -- --filter *TrackedCall*</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 3, iterationCount: 10, invocationCount: 20_000)]
public class TrackedCallBenchmarks
{
    private static readonly TrackedRunDefinition Definition = new("benchmark", "train", "MLflow.Tracking.Benchmarks.Trainer.Train", new[] { new Tag("team", "vision") });

    private InMemoryMlflowStore? _store;
    private MlflowClient? _client;
    private MlflowTracker? _tracker;
    private readonly double _learningRate = 0.01;

    [IterationSetup(Target = nameof(TrackingDisabled))]
    public void SetupDisabled() => Install(new MlflowOptions { Enabled = false });

    [IterationSetup(Target = nameof(TrackingEnabled))]
    public void SetupEnabled() => Install(new MlflowOptions());

    [IterationCleanup(Targets = new[] { nameof(TrackingDisabled), nameof(TrackingEnabled) })]
    public void Cleanup()
    {
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
        _tracker = new MlflowTracker(_client, options);
        MlflowTracking.SetTracker(_tracker);
    }
}
