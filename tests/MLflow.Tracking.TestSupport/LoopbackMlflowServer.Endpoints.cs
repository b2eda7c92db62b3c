using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Stores.Rest.Json;

namespace MLflow.Tracking.TestSupport;

/// <summary>The REST endpoints: request DTO in, store call, response DTO out (shapes as in MLflow's transcripts).</summary>
public sealed partial class LoopbackMlflowServer
{
    private const string Prefix = "/api/2.0/mlflow/";
    private const string Empty = "{}";

    private static readonly MlflowJsonContext Json = MlflowJsonContext.Default;

    private async Task<(int Status, string Body)?> DispatchAsync(RecordedRequest request, CancellationToken cancellationToken)
    {
        var path = request.Path;
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var endpoint = path[Prefix.Length..];
        var query = request.QueryParameters();
        string? Q(string name) => query.Where(q => q.Key == name).Select(q => q.Value).FirstOrDefault();
        T Body<T>(JsonTypeInfo<T> type) => JsonSerializer.Deserialize(request.Body.Length == 0 ? "{}" : request.Body, type)
            ?? throw new MlflowInvalidParameterException("Empty request body.");
        var s = Store;
        var ct = cancellationToken;
        switch (request.Method, endpoint)
        {
            case ("POST", "experiments/create"):
                {
                    var body = Body(Json.CreateExperimentRequestDto);
                    var id = await s.CreateExperimentAsync(body.Name!, body.ArtifactLocation, Tags(body.Tags), ct).ConfigureAwait(false);
                    return Ok(new CreateExperimentResponseDto { ExperimentId = id }, Json.CreateExperimentResponseDto);
                }

            case ("GET", "experiments/get"):
                return Ok(new ExperimentResponseDto { Experiment = ToDto(await s.GetExperimentAsync(Required(Q("experiment_id"), "experiment_id"), ct).ConfigureAwait(false)) }, Json.ExperimentResponseDto);
            case ("GET", "experiments/get-by-name"):
                return Ok(new ExperimentResponseDto { Experiment = ToDto(await s.GetExperimentByNameAsync(Required(Q("experiment_name"), "experiment_name"), ct).ConfigureAwait(false)) }, Json.ExperimentResponseDto);
            case ("POST", "experiments/search"):
                {
                    var body = Body(Json.SearchExperimentsRequestDto);
                    var page = await s.SearchExperimentsAsync(
                        new ExperimentSearchRequest
                        {
                            Filter = body.Filter,
                            OrderBy = body.OrderBy ?? new List<string>(),
                            // No default here: MLflow refuses a missing max_results on this endpoint (transcript 028).
                            MaxResults = body.MaxResults,
                            PageToken = body.PageToken,
                            ViewType = ToViewType(body.ViewType),
                        },
                        ct).ConfigureAwait(false);
                    return Ok(new SearchExperimentsResponseDto { Experiments = page.Items.Select(ToDto).ToList(), NextPageToken = page.NextPageToken }, Json.SearchExperimentsResponseDto);
                }

            case ("POST", "experiments/update"):
                {
                    var body = Body(Json.UpdateExperimentRequestDto);
                    await s.UpdateExperimentAsync(body.ExperimentId!, body.NewName!, ct).ConfigureAwait(false);
                    return (200, Empty);
                }

            case ("POST", "experiments/delete"):
                await s.DeleteExperimentAsync(Body(Json.ExperimentIdRequestDto).ExperimentId!, ct).ConfigureAwait(false);
                return (200, Empty);
            case ("POST", "experiments/restore"):
                await s.RestoreExperimentAsync(Body(Json.ExperimentIdRequestDto).ExperimentId!, ct).ConfigureAwait(false);
                return (200, Empty);
            case ("POST", "experiments/set-experiment-tag"):
                {
                    var body = Body(Json.ExperimentTagRequestDto);
                    await s.SetExperimentTagAsync(body.ExperimentId!, body.Key!, body.Value ?? string.Empty, ct).ConfigureAwait(false);
                    return (200, Empty);
                }

            case ("POST", "experiments/delete-experiment-tag"):
                {
                    var body = Body(Json.ExperimentTagRequestDto);
                    await s.DeleteExperimentTagAsync(body.ExperimentId!, body.Key!, ct).ConfigureAwait(false);
                    return (200, Empty);
                }

            case ("POST", "runs/create"):
                {
                    var body = Body(Json.CreateRunRequestDto);
                    var run = await s.CreateRunAsync(
                        new CreateRunRequest
                        {
                            ExperimentId = body.ExperimentId ?? "0",
                            RunName = body.RunName,
                            StartTime = body.StartTime == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(body.StartTime),
                            UserId = body.UserId,
                            Tags = Tags(body.Tags),
                        },
                        ct).ConfigureAwait(false);
                    return RunAnswer(run);
                }

            case ("GET", "runs/get"):
                return RunAnswer(await s.GetRunAsync(Required(Q("run_id") ?? Q("run_uuid"), "run_id"), ct).ConfigureAwait(false));
            case ("POST", "runs/update"):
                {
                    var body = Body(Json.UpdateRunRequestDto);
                    var info = await s.UpdateRunAsync(
                        Required(body.RunId ?? body.RunUuid, "run_id"),
                        body.Status is null ? null : DtoMapper.ToRunStatus(body.Status),
                        body.EndTime is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(body.EndTime.Value),
                        body.RunName,
                        ct).ConfigureAwait(false);
                    return Ok(new UpdateRunResponseDto { RunInfo = ToDto(info) }, Json.UpdateRunResponseDto);
                }

            case ("POST", "runs/delete"):
                await s.DeleteRunAsync(Required(Body(Json.RunIdRequestDto).RunId, "run_id"), ct).ConfigureAwait(false);
                return (200, Empty);
            case ("POST", "runs/restore"):
                await s.RestoreRunAsync(Required(Body(Json.RunIdRequestDto).RunId, "run_id"), ct).ConfigureAwait(false);
                return (200, Empty);
            case ("POST", "runs/log-metric"):
                {
                    var body = Body(Json.LogMetricRequestDto);
                    await s.LogMetricAsync(Required(body.RunId ?? body.RunUuid, "run_id"), new Metric(body.Key!, body.Value, DateTimeOffset.FromUnixTimeMilliseconds(body.Timestamp), body.Step), ct).ConfigureAwait(false);
                    return (200, Empty);
                }

            case ("POST", "runs/log-parameter"):
                {
                    var body = Body(Json.RunKeyValueRequestDto);
                    await s.LogParamAsync(Required(body.RunId ?? body.RunUuid, "run_id"), new Param(body.Key!, body.Value ?? string.Empty), ct).ConfigureAwait(false);
                    return (200, Empty);
                }

            case ("POST", "runs/set-tag"):
                {
                    var body = Body(Json.RunKeyValueRequestDto);
                    await s.SetTagAsync(Required(body.RunId ?? body.RunUuid, "run_id"), new Tag(body.Key!, body.Value ?? string.Empty), ct).ConfigureAwait(false);
                    return (200, Empty);
                }

            case ("POST", "runs/delete-tag"):
                {
                    var body = Body(Json.DeleteTagRequestDto);
                    await s.DeleteTagAsync(Required(body.RunId, "run_id"), body.Key!, ct).ConfigureAwait(false);
                    return (200, Empty);
                }

            case ("POST", "runs/log-batch"):
                {
                    var body = Body(Json.LogBatchRequestDto);
                    await s.LogBatchAsync(
                        Required(body.RunId, "run_id"),
                        (body.Metrics ?? new List<MetricDto>()).Select(DtoMapper.ToModel).ToList(),
                        (body.Params ?? new List<KeyValueDto>()).Select(p => new Param(p.Key ?? string.Empty, p.Value ?? string.Empty)).ToList(),
                        Tags(body.Tags),
                        ct).ConfigureAwait(false);
                    return (200, Empty);
                }

            case ("POST", "runs/search"):
                {
                    var body = Body(Json.SearchRunsRequestDto);
                    var page = await s.SearchRunsAsync(
                        new RunSearchRequest
                        {
                            ExperimentIds = body.ExperimentIds ?? new List<string>(),
                            Filter = body.Filter,
                            OrderBy = body.OrderBy ?? new List<string>(),
                            MaxResults = body.MaxResults == 0 ? 1000 : body.MaxResults, // the proto default
                            PageToken = body.PageToken,
                            ViewType = ToViewType(body.RunViewType),
                        },
                        ct).ConfigureAwait(false);
                    return Ok(new SearchRunsResponseDto { Runs = page.Items.Count == 0 ? null : page.Items.Select(ToDto).ToList(), NextPageToken = page.NextPageToken }, Json.SearchRunsResponseDto);
                }

            case ("GET", "metrics/get-history"):
                {
                    var maxResults = int.TryParse(Q("max_results"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) ? m : 0;
                    var page = await s.GetMetricHistoryAsync(Required(Q("run_id") ?? Q("run_uuid"), "run_id"), Required(Q("metric_key"), "metric_key"), maxResults, Q("page_token"), ct).ConfigureAwait(false);
                    return Ok(new MetricHistoryResponseDto { Metrics = page.Items.Select(DtoMapper.ToDto).ToList(), NextPageToken = page.NextPageToken }, Json.MetricHistoryResponseDto);
                }

            case ("POST", "runs/log-inputs"):
                {
                    var body = Body(Json.LogInputsRequestDto);
                    var inputs = (body.Datasets ?? new List<DatasetInputDto>()).Select(DatasetMapper.ToModel).ToList();
                    await s.LogInputsAsync(Required(body.RunId, "run_id"), inputs, ct).ConfigureAwait(false);
                    return (200, Empty);
                }

            case ("GET", "artifacts/list"):
                return await ListRunArtifactsAsync(Required(Q("run_id") ?? Q("run_uuid"), "run_id"), Q("path"), ct).ConfigureAwait(false);

            default:
                return null;
        }
    }

    private static (int, string) Ok<T>(T value, JsonTypeInfo<T> type) => (200, JsonSerializer.Serialize(value, type));

    /// <summary>A run answer; MLflow 3.x always sends <c>inputs</c> (an empty object when the run has none).</summary>
    private static (int, string) RunAnswer(Run run) => Ok(new RunResponseDto { Run = ToDto(run) }, Json.RunResponseDto);

    private static string Error(string code, string message) =>
        JsonSerializer.Serialize(new ErrorResponseDto { ErrorCode = code, Message = message }, Json.ErrorResponseDto);

    private static string Required(string? value, string name) =>
        string.IsNullOrEmpty(value)
            ? throw new MlflowInvalidParameterException($"Missing value for required parameter '{name}'. See the API docs for more information about request parameters.")
            : value;

    private static List<Tag> Tags(List<KeyValueDto>? tags) =>
        (tags ?? new List<KeyValueDto>()).Select(t => new Tag(t.Key ?? string.Empty, t.Value ?? string.Empty)).ToList();

    private static ViewType ToViewType(string? wire) => wire switch
    {
        "DELETED_ONLY" => ViewType.DeletedOnly,
        "ALL" => ViewType.All,
        _ => ViewType.ActiveOnly,
    };

    private static List<KeyValueDto>? KeyValues(IReadOnlyDictionary<string, string> items) =>
        items.Count == 0 ? null : items.Select(i => new KeyValueDto { Key = i.Key, Value = i.Value }).ToList();

    private static ExperimentDto ToDto(Experiment e) => new()
    {
        ExperimentId = e.ExperimentId,
        Name = e.Name,
        ArtifactLocation = e.ArtifactLocation,
        LifecycleStage = e.LifecycleStage == LifecycleStage.Deleted ? "deleted" : "active",
        LastUpdateTime = e.LastUpdateTime?.ToUnixTimeMilliseconds(),
        CreationTime = e.CreationTime?.ToUnixTimeMilliseconds(),
        Tags = KeyValues(e.Tags),
    };

    private static RunInfoDto ToDto(RunInfo info) => new()
    {
        RunUuid = info.RunId,
        ExperimentId = info.ExperimentId,
        RunName = info.RunName,
        UserId = info.UserId ?? string.Empty,
        Status = DtoMapper.ToWire(info.Status),
        StartTime = info.StartTime?.ToUnixTimeMilliseconds(),
        EndTime = info.EndTime?.ToUnixTimeMilliseconds(),
        ArtifactUri = info.ArtifactUri,
        LifecycleStage = info.LifecycleStage == LifecycleStage.Deleted ? "deleted" : "active",
        RunId = info.RunId,
    };

    private static RunDto ToDto(Run run) => new()
    {
        Info = ToDto(run.Info),
        Data = new RunDataDto
        {
            Metrics = run.Data.Metrics.Count == 0 ? null : run.Data.Metrics.Select(DtoMapper.ToDto).ToList(),
            Params = KeyValues(run.Data.Params),
            Tags = KeyValues(run.Data.Tags),
        },
        Inputs = DatasetMapper.ToDto(run.Inputs),
    };
}
