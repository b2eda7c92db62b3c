using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Stores.Rest.Json;

namespace MLflow.Tracking.Stores.Rest;

/// <summary>Experiment endpoints.</summary>
internal sealed partial class RestMlflowStore
{
    /// <inheritdoc />
    public override async Task<string> CreateExperimentAsync(string name, string? artifactLocation, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var body = new CreateExperimentRequestDto { Name = name, ArtifactLocation = artifactLocation, Tags = DtoMapper.ToDtos(tags) };
        var response = await _transport.PostAsync("experiments/create", body, MlflowJsonContext.Default.CreateExperimentRequestDto, MlflowJsonContext.Default.CreateExperimentResponseDto, cancellationToken).ConfigureAwait(false);
        return response.ExperimentId ?? throw new MlflowException("MLflow answered experiments/create without an experiment_id.");
    }

    /// <inheritdoc />
    public override async Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken)
    {
        var response = await _transport.GetAsync("experiments/get", [Q("experiment_id", experimentId)], MlflowJsonContext.Default.ExperimentResponseDto, cancellationToken).ConfigureAwait(false);
        return DtoMapper.ToModel(response.Experiment ?? throw new MlflowNotFoundException($"MLflow answered experiments/get without an experiment for id '{experimentId}'."));
    }

    /// <inheritdoc />
    public override async Task<Experiment> GetExperimentByNameAsync(string name, CancellationToken cancellationToken)
    {
        var response = await _transport.GetAsync("experiments/get-by-name", [Q("experiment_name", name)], MlflowJsonContext.Default.ExperimentResponseDto, cancellationToken).ConfigureAwait(false);
        return DtoMapper.ToModel(response.Experiment ?? throw new MlflowNotFoundException($"Could not find experiment with name '{name}'"));
    }

    /// <inheritdoc />
    public override async Task<Page<Experiment>> SearchExperimentsAsync(ExperimentSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new SearchExperimentsRequestDto
        {
            MaxResults = request.MaxResults,
            Filter = string.IsNullOrEmpty(request.Filter) ? null : request.Filter,
            OrderBy = ListOrNull(request.OrderBy),
            PageToken = string.IsNullOrEmpty(request.PageToken) ? null : request.PageToken,
            ViewType = DtoMapper.ToWire(request.ViewType),
        };
        var response = await _transport.PostAsync("experiments/search", body, MlflowJsonContext.Default.SearchExperimentsRequestDto, MlflowJsonContext.Default.SearchExperimentsResponseDto, cancellationToken).ConfigureAwait(false);
        var items = response.Experiments?.Select(DtoMapper.ToModel).ToList() ?? new List<Experiment>();
        return new Page<Experiment>(items, string.IsNullOrEmpty(response.NextPageToken) ? null : response.NextPageToken);
    }

    /// <inheritdoc />
    public override Task UpdateExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken) =>
        _transport.PostAsync("experiments/update", new UpdateExperimentRequestDto { ExperimentId = experimentId, NewName = newName }, MlflowJsonContext.Default.UpdateExperimentRequestDto, MlflowJsonContext.Default.EmptyDto, cancellationToken);

    /// <inheritdoc />
    public override Task DeleteExperimentAsync(string experimentId, CancellationToken cancellationToken) =>
        _transport.PostAsync("experiments/delete", new ExperimentIdRequestDto { ExperimentId = experimentId }, MlflowJsonContext.Default.ExperimentIdRequestDto, MlflowJsonContext.Default.EmptyDto, cancellationToken);

    /// <inheritdoc />
    public override Task RestoreExperimentAsync(string experimentId, CancellationToken cancellationToken) =>
        _transport.PostAsync("experiments/restore", new ExperimentIdRequestDto { ExperimentId = experimentId }, MlflowJsonContext.Default.ExperimentIdRequestDto, MlflowJsonContext.Default.EmptyDto, cancellationToken);

    /// <inheritdoc />
    public override Task SetExperimentTagAsync(string experimentId, string key, string value, CancellationToken cancellationToken) =>
        _transport.PostAsync("experiments/set-experiment-tag", new ExperimentTagRequestDto { ExperimentId = experimentId, Key = key, Value = value }, MlflowJsonContext.Default.ExperimentTagRequestDto, MlflowJsonContext.Default.EmptyDto, cancellationToken);

    /// <inheritdoc />
    public override Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken cancellationToken) =>
        _transport.PostAsync("experiments/delete-experiment-tag", new ExperimentTagRequestDto { ExperimentId = experimentId, Key = key }, MlflowJsonContext.Default.ExperimentTagRequestDto, MlflowJsonContext.Default.EmptyDto, cancellationToken);
}
