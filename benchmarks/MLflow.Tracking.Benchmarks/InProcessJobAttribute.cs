using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace MLflow.Tracking.Benchmarks;

/// <summary>
/// A short job that runs in the benchmark's own process. The delivery suites use it because BenchmarkDotNet's
/// out-of-process build fails in a git worktree without a remote (SourceLink's warning becomes an error), and
/// <c>--inProcess</c> on the command line adds a default job beside a class's own job instead of changing it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class InProcessJobAttribute : JobConfigBaseAttribute
{
    /// <param name="strategy">Throughput for calls of nanoseconds to microseconds, Monitoring for invocations of a second or so.</param>
    /// <param name="warmupCount">Warm-up iterations.</param>
    /// <param name="iterationCount">Measured iterations.</param>
    /// <param name="invocationCount">Invocations per iteration (required with an iteration setup); 0 leaves it to the strategy.</param>
    public InProcessJobAttribute(RunStrategy strategy, int warmupCount, int iterationCount, int invocationCount = 0)
        : base(Create(strategy, warmupCount, iterationCount, invocationCount))
    {
    }

    private static Job Create(RunStrategy strategy, int warmupCount, int iterationCount, int invocationCount)
    {
        var job = new Job("InProcessShort")
            .WithStrategy(strategy)
            .WithLaunchCount(1)
            .WithWarmupCount(warmupCount)
            .WithIterationCount(iterationCount)
            .WithToolchain(InProcessEmitToolchain.Instance);
        return invocationCount > 0 ? job.WithInvocationCount(invocationCount).WithUnrollFactor(1) : job;
    }
}
