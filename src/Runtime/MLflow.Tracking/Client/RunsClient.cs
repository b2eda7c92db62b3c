using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Stores;
using Microsoft.Extensions.Logging;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking;

/// <summary>MLflow runs: <c>client.Runs</c>.</summary>
public sealed class RunsClient
{
    private readonly MlflowStore _store;
    private readonly ILogger _logger;

    internal RunsClient(MlflowStore store, ILogger logger)
    {
        _store = store;
        _logger = logger;
    }

    /// <summary>Creates a run in status RUNNING; the start time is "now" unless given.</summary>
    /// <exception cref="MlflowInvalidParameterException">The experiment id is missing or a tag key breaks MLflow's rules.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public Task<Run> CreateAsync(CreateRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        MlflowValidation.ValidateId(request.ExperimentId, "experiment_id");
        var tags = RunDataPreparation.PrepareRunTags(request.Tags ?? Array.Empty<Tag>(), _logger);
        return _store.CreateRunAsync(request with { StartTime = request.StartTime ?? DateTimeOffset.UtcNow, Tags = tags }, cancellationToken);
    }

    /// <summary>Creates a run in status RUNNING; the start time is "now" unless given.</summary>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public Task<Run> CreateAsync(string experimentId, string? runName = null, IEnumerable<KeyValuePair<string, string>>? tags = null, DateTimeOffset? startTime = null, CancellationToken cancellationToken = default) =>
        CreateAsync(new CreateRunRequest { ExperimentId = experimentId, RunName = runName, StartTime = startTime, Tags = tags?.Select(t => new Tag(t.Key, t.Value)).ToList() ?? (IReadOnlyList<Tag>)Array.Empty<Tag>() }, cancellationToken);

    /// <summary>Gets a run with its latest metrics, params and tags.</summary>
    /// <exception cref="MlflowNotFoundException">No run has that id.</exception>
    public Task<Run> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        return _store.GetRunAsync(runId, cancellationToken);
    }

    /// <summary>Logs one metric point; the timestamp is "now" and the step 0 unless given. NaN and ±Infinity are allowed.</summary>
    /// <exception cref="MlflowInvalidParameterException">The run id is missing or the key breaks MLflow's rules.</exception>
    public Task LogMetricAsync(string runId, string key, double value, DateTimeOffset? timestamp = null, long? step = null, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        MlflowValidation.ValidateMetricKey(key);
        return _store.LogMetricAsync(runId, new Metric(key, value, timestamp ?? DateTimeOffset.UtcNow, step ?? 0), cancellationToken);
    }

    /// <summary>
    /// Logs a param. Logging the same value again is fine; a different value is refused by MLflow. Values over 6000
    /// characters are truncated (with a warning that names the key), as MLflow does.
    /// </summary>
    public Task LogParamAsync(string runId, string key, string value, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        return _store.LogParamAsync(runId, RunDataPreparation.PrepareParam(new Param(key, value), _logger), cancellationToken);
    }

    /// <summary>Sets a run tag, overwriting any earlier value. Values over 8000 characters are truncated with a warning.</summary>
    public Task SetTagAsync(string runId, string key, string value, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        return _store.SetTagAsync(runId, RunDataPreparation.PrepareRunTag(new Tag(key, value), _logger), cancellationToken);
    }

    /// <summary>Deletes a run tag.</summary>
    /// <exception cref="MlflowNotFoundException">The tag is not set.</exception>
    public Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        MlflowValidation.ValidateTagKey(key);
        return _store.DeleteTagAsync(runId, key, cancellationToken);
    }

    /// <summary>
    /// Logs any number of metrics, params and tags, split into requests within MLflow's limits
    /// (1000 metrics, 100 params, 100 tags, 1000 items each), in order. Everything is validated before the first
    /// request: a param key given twice with different values is refused, the same value twice is sent once.
    /// </summary>
    public async Task LogBatchAsync(string runId, IEnumerable<Metric>? metrics = null, IEnumerable<Param>? parameters = null, IEnumerable<Tag>? tags = null, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        var prepared = PrepareBatch(runId, metrics, parameters, tags);
        foreach (var chunk in BatchSplitter.Split(prepared.Metrics, prepared.Params, prepared.Tags))
        {
            await _store.LogBatchAsync(runId, chunk.Metrics, chunk.Params, chunk.Tags, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Validates and normalizes batch data without sending it (also used by <see cref="RunBuilder"/> before it creates the run).</summary>
    internal BatchChunk PrepareBatch(string? runId, IEnumerable<Metric>? metrics, IEnumerable<Param>? parameters, IEnumerable<Tag>? tags)
    {
        if (runId is not null)
        {
            MlflowValidation.ValidateId(runId, "run_id");
        }

        return new BatchChunk(
            RunDataPreparation.PrepareMetrics(metrics ?? Array.Empty<Metric>()),
            RunDataPreparation.PrepareParams(parameters ?? Array.Empty<Param>(), _logger),
            RunDataPreparation.PrepareRunTags(tags ?? Array.Empty<Tag>(), _logger));
    }

    /// <summary>
    /// Logs datasets as the run's inputs (MLflow's <c>log_inputs</c>). A dataset is stored once per experiment by name
    /// and digest; logging the same one to the same run again adds nothing. Checked against MLflow's limits first.
    /// </summary>
    /// <exception cref="MlflowInvalidParameterException">A field is missing or too long (the message names the dataset and the field).</exception>
    /// <exception cref="NotSupportedException">The store does not record dataset inputs (it does not override <see cref="MlflowStore.LogInputsAsync"/>).</exception>
    public Task LogInputsAsync(string runId, IEnumerable<DatasetInput> inputs, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        ArgumentNullException.ThrowIfNull(inputs);
        var list = inputs.Select(i => i with { Dataset = i.Dataset with { Digest = i.Dataset.Digest ?? string.Empty } }).ToList();
        Datasets.DatasetValidation.Validate(list);
        return _store.LogInputsAsync(runId, list, cancellationToken);
    }

    /// <summary>Logs one dataset as an input with its context (MLflow's <c>log_input(dataset, context, tags)</c>).</summary>
    /// <param name="runId">The run.</param>
    /// <param name="dataset">The dataset.</param>
    /// <param name="context">Its role, such as <c>training</c> or <c>eval</c>, stored as the input tag <c>mlflow.data.context</c>; none when null.</param>
    /// <param name="tags">More input tags.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task LogInputAsync(string runId, Dataset dataset, string? context = null, IEnumerable<KeyValuePair<string, string>>? tags = null, CancellationToken cancellationToken = default) =>
        LogInputsAsync(runId, [DatasetInput.Create(dataset, context, tags)], cancellationToken);

    /// <summary>Ends a run with <paramref name="status"/>; the end time is "now" unless given.</summary>
    public Task<RunInfo> SetTerminatedAsync(string runId, RunStatus status = RunStatus.Finished, DateTimeOffset? endTime = null, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        return _store.UpdateRunAsync(runId, status, endTime ?? DateTimeOffset.UtcNow, null, cancellationToken);
    }

    /// <summary>Updates a run's status, end time and/or name; null leaves a field unchanged.</summary>
    public Task<RunInfo> UpdateAsync(string runId, RunStatus? status = null, DateTimeOffset? endTime = null, string? runName = null, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        return _store.UpdateRunAsync(runId, status, endTime, runName, cancellationToken);
    }

    /// <summary>One page of runs of <paramref name="experimentIds"/> matching <paramref name="filter"/>.</summary>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public Task<Page<Run>> SearchAsync(IEnumerable<string> experimentIds, string? filter = null, IEnumerable<string>? orderBy = null, int maxResults = 1000, string? pageToken = null, ViewType viewType = ViewType.ActiveOnly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experimentIds);
        return SearchAsync(new RunSearchRequest { ExperimentIds = experimentIds.ToList(), Filter = filter, OrderBy = orderBy?.ToList() ?? (IReadOnlyList<string>)Array.Empty<string>(), MaxResults = maxResults, PageToken = pageToken, ViewType = viewType }, cancellationToken);
    }

    /// <summary>One page of runs matching <paramref name="request"/>.</summary>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public Task<Page<Run>> SearchAsync(RunSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        MlflowValidation.ValidateMaxResults(request.MaxResults);
        return _store.SearchRunsAsync(request, cancellationToken);
    }

    /// <summary>Every run matching <paramref name="request"/>, fetching pages as they are enumerated.</summary>
    public async IAsyncEnumerable<Run> SearchAllAsync(RunSearchRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var next = request;
        while (true)
        {
            var page = await SearchAsync(next, cancellationToken).ConfigureAwait(false);
            foreach (var run in page.Items)
            {
                yield return run;
            }

            if (!page.HasMore)
            {
                yield break;
            }

            next = next with { PageToken = page.NextPageToken };
        }
    }

    /// <summary>Marks a run deleted.</summary>
    public Task DeleteAsync(string runId, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        return _store.DeleteRunAsync(runId, cancellationToken);
    }

    /// <summary>Restores a deleted run.</summary>
    public Task RestoreAsync(string runId, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        return _store.RestoreRunAsync(runId, cancellationToken);
    }

    /// <summary>Every point of a metric, following pages (25000 points per request, as MLflow's own client asks).</summary>
    public async Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string metricKey, CancellationToken cancellationToken = default)
    {
        var points = new List<Metric>();
        string? token = null;
        do
        {
            var page = await GetMetricHistoryPageAsync(runId, metricKey, 25_000, token, cancellationToken).ConfigureAwait(false);
            points.AddRange(page.Items);
            token = page.Items.Count == 0 ? null : page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));

        return points;
    }

    /// <summary>One page of a metric's history.</summary>
    public Task<Page<Metric>> GetMetricHistoryPageAsync(string runId, string metricKey, int maxResults = 25_000, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        MlflowValidation.ValidateId(metricKey, "metric_key");
        MlflowValidation.ValidateMaxResults(maxResults);
        return _store.GetMetricHistoryAsync(runId, metricKey, maxResults, pageToken, cancellationToken);
    }
}
