using System.Collections.Generic;
using System.Linq;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking.Stores.Rest.Json;

/// <summary>Maps dataset inputs and artifact listings between the wire and the public model.</summary>
internal static class DatasetMapper
{
    public static DatasetInputDto ToDto(DatasetInput input) => new()
    {
        Tags = input.Tags.Count == 0 ? null : input.Tags.Select(t => new KeyValueDto { Key = t.Key, Value = t.Value }).ToList(),
        Dataset = new DatasetDto
        {
            Name = input.Dataset.Name,
            // An empty digest is left out, as the server stores a missing one as "" (transcript 026).
            Digest = string.IsNullOrEmpty(input.Dataset.Digest) ? null : input.Dataset.Digest,
            SourceType = input.Dataset.SourceType,
            Source = input.Dataset.Source,
            Schema = input.Dataset.Schema,
            Profile = input.Dataset.Profile,
        },
    };

    public static DatasetInput ToModel(DatasetInputDto dto)
    {
        var dataset = dto.Dataset ?? new DatasetDto();
        var tags = dto.Tags?.Select(t => new Tag(t.Key ?? string.Empty, t.Value ?? string.Empty)).ToList() ?? new List<Tag>();
        return new DatasetInput(
            new Dataset(dataset.Name ?? string.Empty, dataset.Digest ?? string.Empty, dataset.SourceType ?? string.Empty, dataset.Source ?? string.Empty)
            {
                Schema = dataset.Schema,
                Profile = dataset.Profile,
            },
            tags);
    }

    public static IReadOnlyList<DatasetInput> ToModel(RunInputsDto? dto) =>
        dto?.DatasetInputs?.Select(ToModel).ToList() ?? (IReadOnlyList<DatasetInput>)System.Array.Empty<DatasetInput>();

    public static RunInputsDto ToDto(IReadOnlyList<DatasetInput> inputs) =>
        new() { DatasetInputs = inputs.Count == 0 ? null : inputs.Select(ToDto).ToList() };

    /// <summary>An entry of a listing; a file without <c>file_size</c> is empty (proto3 leaves 0 out).</summary>
    public static ArtifactFileInfo ToModel(FileInfoDto dto, string path) =>
        new(path, dto.IsDir, dto.IsDir ? null : dto.FileSize ?? 0);

    public static FileInfoDto ToDto(ArtifactFileInfo info, string path) =>
        new() { Path = path, IsDir = info.IsDirectory, FileSize = info.IsDirectory || info.FileSize is null or 0 ? null : info.FileSize };
}
