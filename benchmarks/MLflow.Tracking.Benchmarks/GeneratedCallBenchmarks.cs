using System;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using MLflow.Tracking;
using MLflow.Tracking.Testing;

namespace MLflow.Tracking.Benchmarks;

/// <summary>
/// The real generated wrapper (this project runs the source generator) against a plain call of the same body, with
/// tracking disabled and enabled. Two bodies: a trivial one (the wrapper's absolute cost in ns) and a small but
/// realistic one — a 256-element dot product, far cheaper than any training or scoring step — for the design's
/// "disabled ≤ 1.1× a plain call" target, which only means something relative to a body that does work.
/// Run: <c>dotnet run -c Release --project benchmarks/MLflow.Tracking.Benchmarks -- --filter *GeneratedCall*</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 3, iterationCount: 10, invocationCount: 20_000)]
public class GeneratedCallBenchmarks
{
    private readonly GeneratedModel _model = new();
    private BackgroundRunTracker? _tracker;
    private IDisposable? _pause;

    [IterationSetup(Targets = new[] { nameof(TrivialDisabled), nameof(DotProductDisabled) })]
    public void SetupDisabled() => Install(new MlflowOptions { Enabled = false });

    [IterationSetup(Target = nameof(DotProductEnabledCallerOnly))]
    public void SetupEnabled()
    {
        Install(new MlflowOptions());
        _pause = _tracker!.PauseDelivery();
    }

    [IterationCleanup(Targets = new[] { nameof(TrivialDisabled), nameof(DotProductDisabled), nameof(DotProductEnabledCallerOnly) })]
    public void Cleanup()
    {
        _pause?.Dispose();
        _pause = null;
        _tracker!.FlushAsync().GetAwaiter().GetResult();
        _tracker.Dispose();
    }

    [Benchmark(Baseline = true)]
    public double TrivialPlain() => _model.ScaleCore(0.01);

    [Benchmark]
    public double TrivialDisabled() => _model.Scale(0.01);

    [Benchmark]
    public double DotProductPlain() => _model.ScoreCore(0.5);

    [Benchmark]
    public double DotProductDisabled() => _model.Score(0.5);

    /// <summary>Enabled, delivery held back during the iteration: what the calling thread pays.</summary>
    [Benchmark]
    public double DotProductEnabledCallerOnly() => _model.Score(0.5);

    private void Install(MlflowOptions options)
    {
        _tracker = new BackgroundRunTracker(new MlflowClient(new InMemoryMlflowStore()), options);
        MlflowTracking.SetTracker(_tracker);
    }
}

/// <summary>Tracked methods implemented by the source generator, as a user would write them.</summary>
public sealed partial class GeneratedModel
{
    private readonly double[] _weights = CreateWeights();
    private readonly double[] _features = CreateWeights();

    [TrackedRun(Experiment = "benchmark", RunName = "scale")]
    [return: LogMetric("scaled")]
    public partial double Scale([LogParam] double learningRate);

    [TrackedRun(Experiment = "benchmark", RunName = "score")]
    [return: LogMetric("score")]
    public partial double Score([LogParam] double threshold);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal double ScaleCore(double learningRate) => (learningRate * 2) + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
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
