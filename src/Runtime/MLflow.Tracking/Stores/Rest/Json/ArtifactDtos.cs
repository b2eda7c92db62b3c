using System.Collections.Generic;

namespace MLflow.Tracking.Stores.Rest.Json;

// Wire shapes of the artifacts proxy (api/2.0/mlflow-artifacts), artifacts/list and runs/log-inputs.
#pragma warning disable CA1812 // Instantiated by System.Text.Json source generation.

internal sealed class FileInfoDto
{
    public string? Path { get; set; }

    public bool IsDir { get; set; }

    public long? FileSize { get; set; }
}

internal sealed class ListArtifactsResponseDto
{
    public string? RootUri { get; set; }

    public List<FileInfoDto>? Files { get; set; }

    public string? NextPageToken { get; set; }
}

internal sealed class DatasetDto
{
    public string? Name { get; set; }

    public string? Digest { get; set; }

    public string? SourceType { get; set; }

    public string? Source { get; set; }

    public string? Schema { get; set; }

    public string? Profile { get; set; }
}

internal sealed class DatasetInputDto
{
    public List<KeyValueDto>? Tags { get; set; }

    public DatasetDto? Dataset { get; set; }
}

internal sealed class RunInputsDto
{
    public List<DatasetInputDto>? DatasetInputs { get; set; }
}

internal sealed class LogInputsRequestDto
{
    public string? RunId { get; set; }

    public List<DatasetInputDto>? Datasets { get; set; }
}
#pragma warning restore CA1812
