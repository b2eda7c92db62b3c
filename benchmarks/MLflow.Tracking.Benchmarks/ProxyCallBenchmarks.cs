using System;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using MLflow.Tracking.DynamicProxy;
using MLflow.Tracking.Testing;

namespace MLflow.Tracking.Benchmarks;

/// <summary>A service tracked through the Castle DynamicProxy path.</summary>
public interface IProxyTrainer
{
    /// <summary>The benchmarked call.</summary>
    double Train(double learningRate);
}

/// <summary>The implementation: the same attributes the generator reads.</summary>
[RunTag("team", "vision")]
public sealed class ProxyTrainer : IProxyTrainer
{
    /// <inheritdoc/>
    [TrackedRun(Experiment = "benchmark", RunName = "train")]
    [return: LogMetric("score")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public double Train([LogParam] double learningRate) => learningRate * 2;
}

/// <summary>
/// Caller-thread cost of a call through <see cref="TrackingProxy"/>: a plain interface call, the proxy with
/// tracking disabled, and enabled over an in-memory store with delivery held back during the iteration (as
/// <see cref="TrackedCallBenchmarks"/>' <c>TrackingEnabledCallerOnly</c>, to compare with the generated path).
/// Run: <c>dotnet run -c Release --project benchmarks/MLflow.Tracking.Benchmarks -- --filter *ProxyCall*</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 3, iterationCount: 10, invocationCount: 20_000)]
public class ProxyCallBenchmarks
{
    private readonly IProxyTrainer _plain = new ProxyTrainer();
    private IProxyTrainer? _proxied;
    private MlflowClient? _client;
    private BackgroundRunTracker? _tracker;
    private IDisposable? _pause;

    [IterationSetup(Target = nameof(ProxyDisabled))]
    public void SetupDisabled() => Install(new MlflowOptions { Enabled = false });

    [IterationSetup(Target = nameof(ProxyEnabledCallerOnly))]
    public void SetupEnabled()
    {
        Install(new MlflowOptions());
        _pause = _tracker!.PauseDelivery();
    }

    [IterationCleanup(Targets = new[] { nameof(ProxyDisabled), nameof(ProxyEnabledCallerOnly) })]
    public void Cleanup()
    {
        _pause?.Dispose();
        _pause = null;
        _tracker!.FlushAsync().GetAwaiter().GetResult();
        _tracker.Dispose();
        _client!.Dispose();
    }

    [Benchmark(Baseline = true)]
    public double PlainCall() => _plain.Train(0.01);

    [Benchmark]
    public double ProxyDisabled() => _proxied!.Train(0.01);

    [Benchmark]
    public double ProxyEnabledCallerOnly() => _proxied!.Train(0.01);

    private void Install(MlflowOptions options)
    {
        _client = new MlflowClient(new InMemoryMlflowStore());
        _tracker = new BackgroundRunTracker(_client, options);
        _proxied = TrackingProxy.Create<IProxyTrainer>(new ProxyTrainer(), _tracker);
    }
}
