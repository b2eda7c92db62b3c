using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Stores;
using MLflow.Tracking.Testing;

namespace MLflow.Tracking.AspNetCore.Tests;

/// <summary>An in-memory store whose run creation and ping wait for a gate, to stand for a slow MLflow.</summary>
internal sealed class GatedStore : MlflowStore
{
    private readonly InMemoryMlflowStore _inner = new();

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource CreateRunEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource PingEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool CreateRunCompleted { get; private set; }

    public bool GatePing { get; init; }

    public InMemoryMlflowStore Inner => _inner;

    public override string Description => "gated in-memory store";

    public override async Task<string> PingAsync(CancellationToken cancellationToken)
    {
        PingEntered.TrySetResult();
        if (GatePing)
        {
            await Gate.Task.WaitAsync(cancellationToken);
        }

        return "3.5.0";
    }

    public override async Task<Run> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken)
    {
        CreateRunEntered.TrySetResult();
        await Gate.Task.WaitAsync(cancellationToken);
        var run = await _inner.CreateRunAsync(request, cancellationToken);
        CreateRunCompleted = true;
        return run;
    }

    public override Task<string> CreateExperimentAsync(string name, string? artifactLocation, IReadOnlyList<Tag> tags, CancellationToken cancellationToken) => _inner.CreateExperimentAsync(name, artifactLocation, tags, cancellationToken);

    public override Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken) => _inner.GetExperimentAsync(experimentId, cancellationToken);

    public override Task<Experiment> GetExperimentByNameAsync(string name, CancellationToken cancellationToken) => _inner.GetExperimentByNameAsync(name, cancellationToken);

    public override Task<Page<Experiment>> SearchExperimentsAsync(ExperimentSearchRequest request, CancellationToken cancellationToken) => _inner.SearchExperimentsAsync(request, cancellationToken);

    public override Task UpdateExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken) => _inner.UpdateExperimentAsync(experimentId, newName, cancellationToken);

    public override Task DeleteExperimentAsync(string experimentId, CancellationToken cancellationToken) => _inner.DeleteExperimentAsync(experimentId, cancellationToken);

    public override Task RestoreExperimentAsync(string experimentId, CancellationToken cancellationToken) => _inner.RestoreExperimentAsync(experimentId, cancellationToken);

    public override Task SetExperimentTagAsync(string experimentId, string key, string value, CancellationToken cancellationToken) => _inner.SetExperimentTagAsync(experimentId, key, value, cancellationToken);

    public override Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken cancellationToken) => _inner.DeleteExperimentTagAsync(experimentId, key, cancellationToken);

    public override Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken) => _inner.GetRunAsync(runId, cancellationToken);

    public override Task<RunInfo> UpdateRunAsync(string runId, RunStatus? status, DateTimeOffset? endTime, string? runName, CancellationToken cancellationToken) => _inner.UpdateRunAsync(runId, status, endTime, runName, cancellationToken);

    public override Task DeleteRunAsync(string runId, CancellationToken cancellationToken) => _inner.DeleteRunAsync(runId, cancellationToken);

    public override Task RestoreRunAsync(string runId, CancellationToken cancellationToken) => _inner.RestoreRunAsync(runId, cancellationToken);

    public override Task LogMetricAsync(string runId, Metric metric, CancellationToken cancellationToken) => _inner.LogMetricAsync(runId, metric, cancellationToken);

    public override Task LogParamAsync(string runId, Param param, CancellationToken cancellationToken) => _inner.LogParamAsync(runId, param, cancellationToken);

    public override Task SetTagAsync(string runId, Tag tag, CancellationToken cancellationToken) => _inner.SetTagAsync(runId, tag, cancellationToken);

    public override Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken) => _inner.DeleteTagAsync(runId, key, cancellationToken);

    public override Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<Tag> tags, CancellationToken cancellationToken) => _inner.LogBatchAsync(runId, metrics, parameters, tags, cancellationToken);

    public override Task<Page<Run>> SearchRunsAsync(RunSearchRequest request, CancellationToken cancellationToken) => _inner.SearchRunsAsync(request, cancellationToken);

    public override Task<Page<Metric>> GetMetricHistoryAsync(string runId, string metricKey, int maxResults, string? pageToken, CancellationToken cancellationToken) => _inner.GetMetricHistoryAsync(runId, metricKey, maxResults, pageToken, cancellationToken);

    protected override ValueTask DisposeAsyncCore() => _inner.DisposeAsync();
}
