using System;
using System.Collections.Generic;
using System.Linq;
using MLflow.Tracking.Search;

namespace MLflow.Tracking.Stores.Rest.Json;

/// <summary>Maps MLflow's wire messages to the public model and back (Unix milliseconds ⇄ <see cref="DateTimeOffset"/>).</summary>
internal static class DtoMapper
{
    public static long ToUnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>MLflow stores 0 when no time was sent; that is "unknown", not 1970.</summary>
    public static DateTimeOffset? FromUnixMs(long? milliseconds) =>
        milliseconds is null or 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(milliseconds.Value);

    public static List<KeyValueDto>? ToDtos(IReadOnlyList<Tag> tags) =>
        tags.Count == 0 ? null : tags.Select(t => new KeyValueDto { Key = t.Key, Value = t.Value }).ToList();

    public static List<KeyValueDto>? ToDtos(IReadOnlyList<Param> parameters) =>
        parameters.Count == 0 ? null : parameters.Select(p => new KeyValueDto { Key = p.Key, Value = p.Value }).ToList();

    public static MetricDto ToDto(Metric metric) =>
        new() { Key = metric.Key, Value = metric.Value, Timestamp = ToUnixMs(metric.Timestamp), Step = metric.Step };

    public static Metric ToModel(MetricDto dto) =>
        new(dto.Key ?? string.Empty, dto.Value, DateTimeOffset.FromUnixTimeMilliseconds(dto.Timestamp), dto.Step ?? 0);

    public static Experiment ToModel(ExperimentDto dto) => new()
    {
        ExperimentId = dto.ExperimentId ?? string.Empty,
        Name = dto.Name ?? string.Empty,
        ArtifactLocation = dto.ArtifactLocation,
        LifecycleStage = ToLifecycleStage(dto.LifecycleStage),
        CreationTime = FromUnixMs(dto.CreationTime),
        LastUpdateTime = FromUnixMs(dto.LastUpdateTime),
        Tags = ToDictionary(dto.Tags),
    };

    public static RunInfo ToModel(RunInfoDto dto) => new()
    {
        RunId = dto.RunId ?? dto.RunUuid ?? string.Empty,
        ExperimentId = dto.ExperimentId ?? string.Empty,
        RunName = dto.RunName,
        UserId = dto.UserId,
        Status = ToRunStatus(dto.Status),
        StartTime = FromUnixMs(dto.StartTime),
        EndTime = FromUnixMs(dto.EndTime),
        ArtifactUri = dto.ArtifactUri,
        LifecycleStage = ToLifecycleStage(dto.LifecycleStage),
    };

    public static Run ToModel(RunDto dto)
    {
        var info = ToModel(dto.Info ?? new RunInfoDto());
        var data = new RunData
        {
            Metrics = dto.Data?.Metrics?.Select(ToModel).ToList() ?? (IReadOnlyList<Metric>)Array.Empty<Metric>(),
            Params = ToDictionary(dto.Data?.Params),
            Tags = ToDictionary(dto.Data?.Tags),
        };
        return new Run(info, data) { Inputs = DatasetMapper.ToModel(dto.Inputs) };
    }

    public static string ToWire(RunStatus status) => RunStatusNames.ToName(status);

    public static string ToWire(ViewType viewType) => viewType switch
    {
        ViewType.ActiveOnly => "ACTIVE_ONLY",
        ViewType.DeletedOnly => "DELETED_ONLY",
        ViewType.All => "ALL",
        _ => throw new ArgumentOutOfRangeException(nameof(viewType), viewType, "Unknown view type."),
    };

    public static RunStatus ToRunStatus(string? status) => RunStatusNames.FromName(status);

    private static LifecycleStage ToLifecycleStage(string? stage) =>
        string.Equals(stage, "deleted", StringComparison.OrdinalIgnoreCase) ? LifecycleStage.Deleted : LifecycleStage.Active;

    private static IReadOnlyDictionary<string, string> ToDictionary(List<KeyValueDto>? items)
    {
        if (items is null || items.Count == 0)
        {
            return Experiment.EmptyTags;
        }

        var result = new Dictionary<string, string>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            result[item.Key ?? string.Empty] = item.Value ?? string.Empty;
        }

        return result;
    }
}
