using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Search;
using MLflow.Tracking.Shared;

namespace MLflow.Tracking.Testing;

/// <summary>Runs: create, log, terminate, delete.</summary>
public sealed partial class InMemoryMlflowStore
{
    private const string RunNameTag = "mlflow.runName";
    private const int MaxBatchMetrics = MlflowLimits.MaxMetricsPerBatch;
    private const int MaxBatchParams = MlflowLimits.MaxParamsPerBatch;
    private const int MaxBatchTags = MlflowLimits.MaxTagsPerBatch;
    private const int MaxBatchItems = MlflowLimits.MaxEntitiesPerBatch;

    /// <inheritdoc/>
    public override Task<Run> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tags = request.Tags ?? Array.Empty<Tag>();
        string? tagName = null;
        foreach (var tag in tags)
        {
            StoreRules.ValidateKey(tag.Key, "key");
            if (tag.Key == RunNameTag)
            {
                tagName = tag.Value;
            }
        }

        if (request.RunName is not null && tagName is not null && request.RunName != tagName)
        {
            throw new MlflowInvalidParameterException($"Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='{request.RunName}', mlflow.runName='{tagName}').");
        }

        lock (_gate)
        {
            var experiment = GetActiveExperiment(request.ExperimentId);
            var sequence = ++_nextRunSequence;
            var runId = Guid.NewGuid().ToString("N");
            var run = new StoredRun
            {
                RunId = runId,
                ArtifactUri = AppendPath(AppendPath(experiment.ArtifactLocation ?? AppendPath(_artifactRoot, experiment.Id), runId), "artifacts"),
                ExperimentId = request.ExperimentId,
                RunName = request.RunName ?? tagName ?? "run-" + sequence.ToString(CultureInfo.InvariantCulture),
                UserId = request.UserId,
                StartTime = request.StartTime is { } start ? StoreRules.Milliseconds(start) : null,
                Sequence = sequence,
            };
            foreach (var tag in tags)
            {
                run.Tags[tag.Key] = StoreRules.Truncate(tag.Value ?? string.Empty, StoreRules.MaxRunTagValueLength);
            }

            run.Tags[RunNameTag] = run.RunName;
            _runs[run.RunId] = run;
            _runOrder.Add(run);
            return Task.FromResult(run.ToModel());
        }
    }

    /// <inheritdoc/>
    public override Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(GetRun(runId).ToModel());
        }
    }

    /// <inheritdoc/>
    public override Task<RunInfo> UpdateRunAsync(string runId, RunStatus? status, DateTimeOffset? endTime, string? runName, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var run = GetActiveRun(runId);
            if (status is { } newStatus)
            {
                run.Status = newStatus;
            }

            if (endTime is { } end)
            {
                run.EndTime = StoreRules.Milliseconds(end);
            }

            if (runName is not null)
            {
                run.RunName = runName;
                run.Tags[RunNameTag] = runName;
            }

            return Task.FromResult(run.ToInfo());
        }
    }

    /// <inheritdoc/>
    public override Task DeleteRunAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            GetRun(runId).Stage = LifecycleStage.Deleted;
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public override Task RestoreRunAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            GetRun(runId).Stage = LifecycleStage.Active;
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public override Task LogMetricAsync(string runId, Metric metric, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return LogBatchAsync(runId, new[] { metric }, Array.Empty<Param>(), Array.Empty<Tag>(), cancellationToken);
    }

    /// <inheritdoc/>
    public override Task LogParamAsync(string runId, Param param, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(param);
        return LogBatchAsync(runId, Array.Empty<Metric>(), new[] { param }, Array.Empty<Tag>(), singleParam: true);
    }

    /// <inheritdoc/>
    public override Task SetTagAsync(string runId, Tag tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return LogBatchAsync(runId, Array.Empty<Metric>(), Array.Empty<Param>(), new[] { tag }, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var run = GetActiveRun(runId);
            if (!run.Tags.Remove(key))
            {
                throw new MlflowNotFoundException($"No tag with name: {key} in run with id {runId}");
            }

            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    /// <remarks>All or nothing, as MLflow's database stores: a refused item leaves the run unchanged.</remarks>
    public override Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<Tag> tags, CancellationToken cancellationToken) =>
        LogBatchAsync(runId, metrics, parameters, tags, singleParam: false);

    /// <summary>The batch write; <paramref name="singleParam"/> selects MLflow's log-param message over its log-batch one.</summary>
    private Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<Tag> tags, bool singleParam)
    {
        metrics ??= Array.Empty<Metric>();
        parameters ??= Array.Empty<Param>();
        tags ??= Array.Empty<Tag>();
        ValidateBatch(metrics, parameters, tags);
        lock (_gate)
        {
            var run = GetActiveRun(runId);
            var changes = new List<string>();
            foreach (var param in parameters)
            {
                var value = StoreRules.Truncate(param.Value ?? string.Empty, StoreRules.MaxParamValueLength);
                if (run.Params.TryGetValue(param.Key, out var existing) && existing != value)
                {
                    if (singleParam)
                    {
                        throw new MlflowInvalidParameterException($"Changing param values is not allowed. Param with key='{param.Key}' was already logged with value='{existing}' for run ID='{runId}'. Attempted logging new value '{value}'.");
                    }

                    changes.Add($"{{'key': '{param.Key}', 'old_value': '{existing}', 'new_value': '{value}'}}");
                }
            }

            if (changes.Count > 0)
            {
                throw new MlflowInvalidParameterException($"Changing param values is not allowed. Params were already logged='[{string.Join(", ", changes)}]' for run ID='{runId}'.");
            }

            foreach (var param in parameters)
            {
                run.Params[param.Key] = StoreRules.Truncate(param.Value ?? string.Empty, StoreRules.MaxParamValueLength);
            }

            foreach (var metric in metrics)
            {
                run.AddPoint(metric with { Timestamp = StoreRules.Milliseconds(metric.Timestamp) });
            }

            foreach (var tag in tags)
            {
                var value = StoreRules.Truncate(tag.Value ?? string.Empty, StoreRules.MaxRunTagValueLength);
                run.Tags[tag.Key] = value;
                if (tag.Key == RunNameTag)
                {
                    run.RunName = value;
                }
            }

            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public override Task<Page<Metric>> GetMetricHistoryAsync(string runId, string metricKey, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        long offset;
        try
        {
            offset = PageToken.Decode(pageToken);
        }
        catch (MlflowException e)
        {
            return Task.FromException<Page<Metric>>(e);
        }

        // As the SQL store: no positive max_results means MLflow's default page of 25,000 points.
        var limit = maxResults <= 0 ? 25_000 : maxResults;
        lock (_gate)
        {
            if (runId is null || !_runs.TryGetValue(runId, out var run))
            {
                return Task.FromResult(new Page<Metric>(Array.Empty<Metric>(), null));
            }

            var points = run.Points.FindAll(p => p.Key == metricKey);
            points.Sort(static (a, b) => a.Step != b.Step ? a.Step.CompareTo(b.Step)
                : a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp)
                : a.Value.CompareTo(b.Value));
            return Task.FromResult(Paginate(points, offset, limit));
        }
    }

    private static void ValidateBatch(IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<Tag> tags)
    {
        if (metrics.Count > MaxBatchMetrics)
        {
            throw new MlflowInvalidParameterException(MlflowErrorTexts.BatchTooLarge("metrics", MaxBatchMetrics, metrics.Count));
        }

        if (parameters.Count > MaxBatchParams)
        {
            throw new MlflowInvalidParameterException(MlflowErrorTexts.BatchTooLarge("params", MaxBatchParams, parameters.Count));
        }

        if (tags.Count > MaxBatchTags)
        {
            throw new MlflowInvalidParameterException(MlflowErrorTexts.BatchTooLarge("tags", MaxBatchTags, tags.Count));
        }

        var total = metrics.Count + parameters.Count + tags.Count;
        if (total > MaxBatchItems)
        {
            throw new MlflowInvalidParameterException(MlflowErrorTexts.BatchTooManyEntities(MaxBatchItems, total));
        }

        foreach (var metric in metrics)
        {
            StoreRules.ValidateKey(metric?.Key, "Metric name");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var param in parameters)
        {
            StoreRules.ValidateKey(param?.Key, "Param key");
            if (!seen.Add(param!.Key))
            {
                throw new MlflowInvalidParameterException(MlflowErrorTexts.DuplicateParamKeys(param.Key));
            }
        }

        foreach (var tag in tags)
        {
            StoreRules.ValidateKey(tag?.Key, "key");
        }
    }

    private StoredRun GetRun(string runId) =>
        runId is not null && _runs.TryGetValue(runId, out var run) ? run : throw new MlflowNotFoundException($"Run with id={runId} not found");

    private StoredRun GetActiveRun(string runId)
    {
        var run = GetRun(runId);
        if (run.Stage != LifecycleStage.Active)
        {
            throw new MlflowInvalidParameterException($"The run {runId} must be in the 'active' state. Current state is deleted.");
        }

        return run;
    }
}
