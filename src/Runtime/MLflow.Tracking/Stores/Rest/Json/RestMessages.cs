using System.Collections.Generic;

namespace MLflow.Tracking.Stores.Rest.Json;

// Request and response bodies, one per endpoint; the field names follow MLflow's protobuf messages.
#pragma warning disable CA1812 // Instantiated by System.Text.Json source generation.

internal sealed class CreateExperimentRequestDto
{
    public string? Name { get; set; }

    public string? ArtifactLocation { get; set; }

    public List<KeyValueDto>? Tags { get; set; }
}

internal sealed class CreateExperimentResponseDto
{
    public string? ExperimentId { get; set; }
}

internal sealed class ExperimentResponseDto
{
    public ExperimentDto? Experiment { get; set; }
}

internal sealed class SearchExperimentsRequestDto
{
    public int MaxResults { get; set; }

    public string? Filter { get; set; }

    public List<string>? OrderBy { get; set; }

    public string? PageToken { get; set; }

    public string? ViewType { get; set; }
}

internal sealed class SearchExperimentsResponseDto
{
    public List<ExperimentDto>? Experiments { get; set; }

    public string? NextPageToken { get; set; }
}

internal sealed class UpdateExperimentRequestDto
{
    public string? ExperimentId { get; set; }

    public string? NewName { get; set; }
}

internal sealed class ExperimentIdRequestDto
{
    public string? ExperimentId { get; set; }
}

internal sealed class ExperimentTagRequestDto
{
    public string? ExperimentId { get; set; }

    public string? Key { get; set; }

    public string? Value { get; set; }
}

internal sealed class CreateRunRequestDto
{
    public string? ExperimentId { get; set; }

    public string? UserId { get; set; }

    public long StartTime { get; set; }

    public string? RunName { get; set; }

    public List<KeyValueDto>? Tags { get; set; }
}

internal sealed class RunResponseDto
{
    public RunDto? Run { get; set; }
}

internal sealed class UpdateRunRequestDto
{
    public string? RunId { get; set; }

    public string? RunUuid { get; set; }

    public string? Status { get; set; }

    public long? EndTime { get; set; }

    public string? RunName { get; set; }
}

internal sealed class UpdateRunResponseDto
{
    public RunInfoDto? RunInfo { get; set; }
}

internal sealed class RunIdRequestDto
{
    public string? RunId { get; set; }
}

internal sealed class LogMetricRequestDto
{
    public string? RunId { get; set; }

    public string? RunUuid { get; set; }

    public string? Key { get; set; }

    [System.Text.Json.Serialization.JsonConverter(typeof(MetricValueConverter))]
    public double Value { get; set; }

    public long Timestamp { get; set; }

    public long Step { get; set; }
}

internal sealed class RunKeyValueRequestDto
{
    public string? RunId { get; set; }

    public string? RunUuid { get; set; }

    public string? Key { get; set; }

    public string? Value { get; set; }
}

internal sealed class DeleteTagRequestDto
{
    public string? RunId { get; set; }

    public string? Key { get; set; }
}

internal sealed class LogBatchRequestDto
{
    public string? RunId { get; set; }

    public List<MetricDto>? Metrics { get; set; }

    public List<KeyValueDto>? Params { get; set; }

    public List<KeyValueDto>? Tags { get; set; }
}

internal sealed class SearchRunsRequestDto
{
    public List<string>? ExperimentIds { get; set; }

    public string? Filter { get; set; }

    public string? RunViewType { get; set; }

    public int MaxResults { get; set; }

    public List<string>? OrderBy { get; set; }

    public string? PageToken { get; set; }
}

internal sealed class SearchRunsResponseDto
{
    public List<RunDto>? Runs { get; set; }

    public string? NextPageToken { get; set; }
}

internal sealed class MetricHistoryResponseDto
{
    public List<MetricDto>? Metrics { get; set; }

    public string? NextPageToken { get; set; }
}
#pragma warning restore CA1812
