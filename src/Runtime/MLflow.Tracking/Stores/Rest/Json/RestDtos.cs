using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MLflow.Tracking.Stores.Rest.Json;

// Wire shapes of MLflow REST API 2.0 (snake_case via the source-generation options). Nulls are not written.
#pragma warning disable CA1812 // Instantiated by System.Text.Json source generation.

internal sealed class KeyValueDto
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}

internal sealed class MetricDto
{
    public string? Key { get; set; }

    [JsonConverter(typeof(MetricValueConverter))]
    public double Value { get; set; }

    public long Timestamp { get; set; }

    public long? Step { get; set; }
}

internal sealed class ExperimentDto
{
    public string? ExperimentId { get; set; }

    public string? Name { get; set; }

    public string? ArtifactLocation { get; set; }

    public string? LifecycleStage { get; set; }

    public long? LastUpdateTime { get; set; }

    public long? CreationTime { get; set; }

    public List<KeyValueDto>? Tags { get; set; }
}

internal sealed class RunInfoDto
{
    public string? RunUuid { get; set; }

    public string? RunId { get; set; }

    public string? ExperimentId { get; set; }

    public string? RunName { get; set; }

    public string? UserId { get; set; }

    public string? Status { get; set; }

    public long? StartTime { get; set; }

    public long? EndTime { get; set; }

    public string? ArtifactUri { get; set; }

    public string? LifecycleStage { get; set; }
}

internal sealed class RunDataDto
{
    public List<MetricDto>? Metrics { get; set; }

    public List<KeyValueDto>? Params { get; set; }

    public List<KeyValueDto>? Tags { get; set; }
}

internal sealed class RunDto
{
    public RunInfoDto? Info { get; set; }

    public RunDataDto? Data { get; set; }

    public RunInputsDto? Inputs { get; set; }
}

internal sealed class ErrorResponseDto
{
    public string? ErrorCode { get; set; }

    public string? Message { get; set; }
}

internal sealed class EmptyDto
{
}
#pragma warning restore CA1812
