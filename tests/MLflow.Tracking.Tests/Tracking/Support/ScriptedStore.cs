using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Stores;
using MLflow.Tracking.Testing;

namespace MLflow.Tracking.Tests.Tracking.Support;

/// <summary>
/// An in-memory store that counts every call and can be told to fail: a decorator over
/// <see cref="InMemoryMlflowStore"/> for pipeline tests.
/// </summary>
internal sealed class ScriptedStore : MlflowStore
{
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private int _failuresLeft;

    public InMemoryMlflowStore Inner { get; } = new();

    /// <summary>Thrown by every call while set (a store that is down).</summary>
    public Func<Exception>? AlwaysFail { get; set; }

    /// <summary>The sizes of each log-batch call: metrics, params, tags.</summary>
    public ConcurrentQueue<(int Metrics, int Params, int Tags)> Batches { get; } = new();

    public override string Description => "scripted";

    /// <summary>None (an in-memory store: nothing to spool).</summary>
    public override MlflowStoreCapabilities Capabilities => MlflowStoreCapabilities.None;

    /// <summary>The next <paramref name="count"/> calls throw a network error, later ones succeed.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public int Calls(string method) => _calls.GetValueOrDefault(method);

    public override Task<string> PingAsync(CancellationToken cancellationToken) => Call(nameof(PingAsync), () => Inner.PingAsync(cancellationToken));

    public override Task<string> CreateExperimentAsync(string name, string? artifactLocation, IReadOnlyList<Tag> tags, CancellationToken cancellationToken) =>
        Call(nameof(CreateExperimentAsync), () => Inner.CreateExperimentAsync(name, artifactLocation, tags, cancellationToken));

    public override Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken) =>
        Call(nameof(GetExperimentAsync), () => Inner.GetExperimentAsync(experimentId, cancellationToken));

    public override Task<Experiment> GetExperimentByNameAsync(string name, CancellationToken cancellationToken) =>
        Call(nameof(GetExperimentByNameAsync), () => Inner.GetExperimentByNameAsync(name, cancellationToken));

    public override Task<Page<Experiment>> SearchExperimentsAsync(ExperimentSearchRequest request, CancellationToken cancellationToken) =>
        Call(nameof(SearchExperimentsAsync), () => Inner.SearchExperimentsAsync(request, cancellationToken));

    public override Task UpdateExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken) =>
        Call(nameof(UpdateExperimentAsync), () => Inner.UpdateExperimentAsync(experimentId, newName, cancellationToken));

    public override Task DeleteExperimentAsync(string experimentId, CancellationToken cancellationToken) =>
        Call(nameof(DeleteExperimentAsync), () => Inner.DeleteExperimentAsync(experimentId, cancellationToken));

    public override Task RestoreExperimentAsync(string experimentId, CancellationToken cancellationToken) =>
        Call(nameof(RestoreExperimentAsync), () => Inner.RestoreExperimentAsync(experimentId, cancellationToken));

    public override Task SetExperimentTagAsync(string experimentId, string key, string value, CancellationToken cancellationToken) =>
        Call(nameof(SetExperimentTagAsync), () => Inner.SetExperimentTagAsync(experimentId, key, value, cancellationToken));

    public override Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken cancellationToken) =>
        Call(nameof(DeleteExperimentTagAsync), () => Inner.DeleteExperimentTagAsync(experimentId, key, cancellationToken));

    public override Task<Run> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken) =>
        Call(nameof(CreateRunAsync), () => Inner.CreateRunAsync(request, cancellationToken));

    public override Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        Call(nameof(GetRunAsync), () => Inner.GetRunAsync(runId, cancellationToken));

    public override Task<RunInfo> UpdateRunAsync(string runId, RunStatus? status, DateTimeOffset? endTime, string? runName, CancellationToken cancellationToken) =>
        Call(nameof(UpdateRunAsync), () => Inner.UpdateRunAsync(runId, status, endTime, runName, cancellationToken));

    public override Task DeleteRunAsync(string runId, CancellationToken cancellationToken) =>
        Call(nameof(DeleteRunAsync), () => Inner.DeleteRunAsync(runId, cancellationToken));

    public override Task RestoreRunAsync(string runId, CancellationToken cancellationToken) =>
        Call(nameof(RestoreRunAsync), () => Inner.RestoreRunAsync(runId, cancellationToken));

    public override Task LogMetricAsync(string runId, Metric metric, CancellationToken cancellationToken) =>
        Call(nameof(LogMetricAsync), () => Inner.LogMetricAsync(runId, metric, cancellationToken));

    public override Task LogParamAsync(string runId, Param param, CancellationToken cancellationToken) =>
        Call(nameof(LogParamAsync), () => Inner.LogParamAsync(runId, param, cancellationToken));

    public override Task SetTagAsync(string runId, Tag tag, CancellationToken cancellationToken) =>
        Call(nameof(SetTagAsync), () => Inner.SetTagAsync(runId, tag, cancellationToken));

    public override Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken) =>
        Call(nameof(DeleteTagAsync), () => Inner.DeleteTagAsync(runId, key, cancellationToken));

    public override Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<Tag> tags, CancellationToken cancellationToken) =>
        Call(nameof(LogBatchAsync), () =>
        {
            Batches.Enqueue((metrics.Count, parameters.Count, tags.Count));
            return Inner.LogBatchAsync(runId, metrics, parameters, tags, cancellationToken);
        });

    public override Task<Page<Run>> SearchRunsAsync(RunSearchRequest request, CancellationToken cancellationToken) =>
        Call(nameof(SearchRunsAsync), () => Inner.SearchRunsAsync(request, cancellationToken));

    public override Task<Page<Metric>> GetMetricHistoryAsync(string runId, string metricKey, int maxResults, string? pageToken, CancellationToken cancellationToken) =>
        Call(nameof(GetMetricHistoryAsync), () => Inner.GetMetricHistoryAsync(runId, metricKey, maxResults, pageToken, cancellationToken));

    protected override ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;

    private async Task Call(string method, Func<Task> call)
    {
        Before(method);
        await call();
    }

    private async Task<T> Call<T>(string method, Func<Task<T>> call)
    {
        Before(method);
        return await call();
    }

    private void Before(string method)
    {
        _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        if (AlwaysFail is { } fail)
        {
            throw fail();
        }

        if (Volatile.Read(ref _failuresLeft) > 0 && Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new MlflowNetworkException("Connection refused (scripted).");
        }
    }
}
