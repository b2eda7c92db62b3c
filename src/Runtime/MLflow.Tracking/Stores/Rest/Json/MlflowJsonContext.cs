using System.Text.Json.Serialization;

namespace MLflow.Tracking.Stores.Rest.Json;

/// <summary>Source-generated (AOT-safe) serialization of MLflow's REST messages: snake_case, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ErrorResponseDto))]
[JsonSerializable(typeof(EmptyDto))]
[JsonSerializable(typeof(CreateExperimentRequestDto))]
[JsonSerializable(typeof(CreateExperimentResponseDto))]
[JsonSerializable(typeof(ExperimentResponseDto))]
[JsonSerializable(typeof(SearchExperimentsRequestDto))]
[JsonSerializable(typeof(SearchExperimentsResponseDto))]
[JsonSerializable(typeof(UpdateExperimentRequestDto))]
[JsonSerializable(typeof(ExperimentIdRequestDto))]
[JsonSerializable(typeof(ExperimentTagRequestDto))]
[JsonSerializable(typeof(CreateRunRequestDto))]
[JsonSerializable(typeof(RunResponseDto))]
[JsonSerializable(typeof(UpdateRunRequestDto))]
[JsonSerializable(typeof(UpdateRunResponseDto))]
[JsonSerializable(typeof(RunIdRequestDto))]
[JsonSerializable(typeof(LogMetricRequestDto))]
[JsonSerializable(typeof(RunKeyValueRequestDto))]
[JsonSerializable(typeof(DeleteTagRequestDto))]
[JsonSerializable(typeof(LogBatchRequestDto))]
[JsonSerializable(typeof(SearchRunsRequestDto))]
[JsonSerializable(typeof(SearchRunsResponseDto))]
[JsonSerializable(typeof(MetricHistoryResponseDto))]
[JsonSerializable(typeof(ListArtifactsResponseDto))]
[JsonSerializable(typeof(LogInputsRequestDto))]
internal sealed partial class MlflowJsonContext : JsonSerializerContext
{
}
