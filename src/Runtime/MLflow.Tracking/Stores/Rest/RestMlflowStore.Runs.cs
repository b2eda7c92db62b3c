using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Stores.Rest.Json;

namespace MLflow.Tracking.Stores.Rest;

/// <summary>Run and metric endpoints. Where MLflow's Python client sends both <c>run_id</c> and <c>run_uuid</c>, so does this.</summary>
internal sealed partial class RestMlflowStore
{
    /// <inheritdoc />
    public override async Task<Run> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new CreateRunRequestDto
        {
            ExperimentId = request.ExperimentId,
            UserId = request.UserId,
            StartTime = DtoMapper.ToUnixMs(request.StartTime ?? DateTimeOffset.UtcNow),
            RunName = request.RunName,
            Tags = DtoMapper.ToDtos(request.Tags),
        };
        var response = await _transport.PostAsync("runs/create", body, MlflowJsonContext.Default.CreateRunRequestDto, MlflowJsonContext.Default.RunResponseDto, cancellationToken).ConfigureAwait(false);
        return DtoMapper.ToModel(response.Run ?? throw new MlflowException("MLflow answered runs/create without a run."));
    }

    /// <inheritdoc />
    public override async Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        var response = await _transport.GetAsync("runs/get", [Q("run_id", runId), Q("run_uuid", runId)], MlflowJsonContext.Default.RunResponseDto, cancellationToken).ConfigureAwait(false);
        return DtoMapper.ToModel(response.Run ?? throw new MlflowNotFoundException($"Run with id={runId} not found"));
    }

    /// <inheritdoc />
    public override async Task<RunInfo> UpdateRunAsync(string runId, RunStatus? status, DateTimeOffset? endTime, string? runName, CancellationToken cancellationToken)
    {
        var body = new UpdateRunRequestDto
        {
            RunId = runId,
            RunUuid = runId,
            Status = status is { } s ? DtoMapper.ToWire(s) : null,
            EndTime = endTime is { } e ? DtoMapper.ToUnixMs(e) : null,
            RunName = runName,
        };
        var response = await _transport.PostAsync("runs/update", body, MlflowJsonContext.Default.UpdateRunRequestDto, MlflowJsonContext.Default.UpdateRunResponseDto, cancellationToken).ConfigureAwait(false);
        return DtoMapper.ToModel(response.RunInfo ?? throw new MlflowException("MLflow answered runs/update without run_info."));
    }

    /// <inheritdoc />
    public override Task DeleteRunAsync(string runId, CancellationToken cancellationToken) =>
        _transport.PostAsync("runs/delete", new RunIdRequestDto { RunId = runId }, MlflowJsonContext.Default.RunIdRequestDto, MlflowJsonContext.Default.EmptyDto, cancellationToken);

    /// <inheritdoc />
    public override Task RestoreRunAsync(string runId, CancellationToken cancellationToken) =>
        _transport.PostAsync("runs/restore", new RunIdRequestDto { RunId = runId }, MlflowJsonContext.Default.RunIdRequestDto, MlflowJsonContext.Default.EmptyDto, cancellationToken);

    /// <inheritdoc />
    public override Task LogMetricAsync(string runId, Metric metric, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var body = new LogMetricRequestDto { RunId = runId, RunUuid = runId, Key = metric.Key, Value = metric.Value, Timestamp = DtoMapper.ToUnixMs(metric.Timestamp), Step = metric.Step };
        return _transport.PostAsync("runs/log-metric", body, MlflowJsonContext.Default.LogMetricRequestDto, MlflowJsonContext.Default.EmptyDto, cancellationToken);
    }

    /// <inheritdoc />
    public override Task LogParamAsync(string runId, Param param, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(param);
        var body = new RunKeyValueRequestDto { RunId = runId, RunUuid = runId, Key = param.Key, Value = param.Value };
        return _transport.PostAsync("runs/log-parameter", body, MlflowJsonContext.Default.RunKeyValueRequestDto, MlflowJsonContext.Default.EmptyDto, cancellationToken);
    }

    /// <inheritdoc />
    public override Task SetTagAsync(string runId, Tag tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var body = new RunKeyValueRequestDto { RunId = runId, RunUuid = runId, Key = tag.Key, Value = tag.Value };
        return _transport.PostAsync("runs/set-tag", body, MlflowJsonContext.Default.RunKeyValueRequestDto, MlflowJsonContext.Default.EmptyDto, cancellationToken);
    }

    /// <inheritdoc />
    public override Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken) =>
        _transport.PostAsync("runs/delete-tag", new DeleteTagRequestDto { RunId = runId, Key = key }, MlflowJsonContext.Default.DeleteTagRequestDto, MlflowJsonContext.Default.EmptyDto, cancellationToken);

    /// <inheritdoc />
    public override Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(tags);
        var body = new LogBatchRequestDto
        {
            RunId = runId,
            Metrics = metrics.Count == 0 ? null : metrics.Select(DtoMapper.ToDto).ToList(),
            Params = DtoMapper.ToDtos(parameters),
            Tags = DtoMapper.ToDtos(tags),
        };
        return _transport.PostAsync("runs/log-batch", body, MlflowJsonContext.Default.LogBatchRequestDto, MlflowJsonContext.Default.EmptyDto, cancellationToken);
    }

    /// <inheritdoc />
    public override async Task<Page<Run>> SearchRunsAsync(RunSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new SearchRunsRequestDto
        {
            ExperimentIds = request.ExperimentIds.ToList(),
            Filter = string.IsNullOrEmpty(request.Filter) ? null : request.Filter,
            RunViewType = DtoMapper.ToWire(request.ViewType),
            MaxResults = request.MaxResults,
            OrderBy = ListOrNull(request.OrderBy),
            PageToken = string.IsNullOrEmpty(request.PageToken) ? null : request.PageToken,
        };
        var response = await _transport.PostAsync("runs/search", body, MlflowJsonContext.Default.SearchRunsRequestDto, MlflowJsonContext.Default.SearchRunsResponseDto, cancellationToken).ConfigureAwait(false);
        var runs = response.Runs?.Select(DtoMapper.ToModel).ToList() ?? new List<Run>();
        return new Page<Run>(runs, string.IsNullOrEmpty(response.NextPageToken) ? null : response.NextPageToken);
    }

    /// <inheritdoc />
    public override async Task<Page<Metric>> GetMetricHistoryAsync(string runId, string metricKey, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        var query = new[]
        {
            Q("run_id", runId),
            Q("run_uuid", runId),
            Q("metric_key", metricKey),
            Q("max_results", Number(maxResults)),
            Q("page_token", string.IsNullOrEmpty(pageToken) ? null : pageToken),
        };
        var response = await _transport.GetAsync("metrics/get-history", query, MlflowJsonContext.Default.MetricHistoryResponseDto, cancellationToken).ConfigureAwait(false);
        var points = response.Metrics?.Select(DtoMapper.ToModel).ToList() ?? new List<Metric>();
        return new Page<Metric>(points, string.IsNullOrEmpty(response.NextPageToken) ? null : response.NextPageToken);
    }
}
