using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Stores;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking;

/// <summary>MLflow experiments: <c>client.Experiments</c>.</summary>
public sealed class ExperimentsClient
{
    private readonly MlflowStore _store;
    private readonly ILogger _logger;

    internal ExperimentsClient(MlflowStore store, ILogger logger)
    {
        _store = store;
        _logger = logger;
    }

    /// <summary>Creates an experiment and returns its id.</summary>
    /// <exception cref="MlflowAlreadyExistsException">An experiment of that name exists (deleted ones count).</exception>
    /// <exception cref="MlflowInvalidParameterException">The name is empty or over 500 characters, or a tag breaks MLflow's rules.</exception>
    public Task<string> CreateAsync(string name, string? artifactLocation = null, IEnumerable<KeyValuePair<string, string>>? tags = null, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateExperimentName(name);
        var tagList = tags?.Select(t => new Tag(t.Key, t.Value)).ToList() ?? (IReadOnlyList<Tag>)Array.Empty<Tag>();
        foreach (var tag in tagList)
        {
            // MLflow checks experiment tag keys on create; the 5000-character value limit only on set-experiment-tag.
            MlflowValidation.ValidateTagKey(tag.Key);
            MlflowValidation.RequireValue(tag.Value, "value");
        }

        return _store.CreateExperimentAsync(name, artifactLocation, tagList, cancellationToken);
    }

    /// <summary>Gets an experiment by id. Deleted experiments are returned with <see cref="LifecycleStage.Deleted"/>.</summary>
    /// <exception cref="MlflowNotFoundException">No experiment has that id.</exception>
    public Task<Experiment> GetAsync(string experimentId, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(experimentId, "experiment_id");
        return _store.GetExperimentAsync(experimentId, cancellationToken);
    }

    /// <summary>Gets an experiment by name. Deleted experiments are returned with <see cref="LifecycleStage.Deleted"/>.</summary>
    /// <exception cref="MlflowNotFoundException">No experiment has that name.</exception>
    public Task<Experiment> GetByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(name, "experiment_name");
        return _store.GetExperimentByNameAsync(name, cancellationToken);
    }

    /// <summary>Gets an experiment by name, or null when there is none.</summary>
    public async Task<Experiment?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(name, "experiment_name");
        try
        {
            return await _store.GetExperimentByNameAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (MlflowNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Gets the experiment named <paramref name="name"/>, creating it when there is none; safe when another client
    /// creates it at the same moment. A deleted experiment of that name is restored.
    /// </summary>
    public async Task<Experiment> GetOrCreateAsync(string name, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateExperimentName(name);
        var existing = await FindByNameAsync(name, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            if (existing.LifecycleStage == LifecycleStage.Deleted)
            {
                await _store.RestoreExperimentAsync(existing.ExperimentId, cancellationToken).ConfigureAwait(false);
                return existing with { LifecycleStage = LifecycleStage.Active };
            }

            return existing;
        }

        try
        {
            var id = await _store.CreateExperimentAsync(name, null, Array.Empty<Tag>(), cancellationToken).ConfigureAwait(false);
            return await _store.GetExperimentAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (MlflowAlreadyExistsException)
        {
            ClientLog.ExperimentCreatedConcurrently(_logger, name);
            return await _store.GetExperimentByNameAsync(name, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One page of experiments matching <paramref name="filter"/>.</summary>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public Task<Page<Experiment>> SearchAsync(string? filter = null, IEnumerable<string>? orderBy = null, int maxResults = 1000, string? pageToken = null, ViewType viewType = ViewType.ActiveOnly, CancellationToken cancellationToken = default) =>
        SearchAsync(new ExperimentSearchRequest { Filter = filter, OrderBy = orderBy?.ToList() ?? (IReadOnlyList<string>)Array.Empty<string>(), MaxResults = maxResults, PageToken = pageToken, ViewType = viewType }, cancellationToken);

    /// <summary>One page of experiments matching <paramref name="request"/>.</summary>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public Task<Page<Experiment>> SearchAsync(ExperimentSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        MlflowValidation.ValidateMaxResults(request.MaxResults);
        return _store.SearchExperimentsAsync(request, cancellationToken);
    }

    /// <summary>Every experiment matching <paramref name="request"/>, fetching pages as they are enumerated.</summary>
    public async IAsyncEnumerable<Experiment> SearchAllAsync(ExperimentSearchRequest? request = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = request ?? new ExperimentSearchRequest();
        while (true)
        {
            var page = await SearchAsync(next, cancellationToken).ConfigureAwait(false);
            foreach (var experiment in page.Items)
            {
                yield return experiment;
            }

            if (!page.HasMore)
            {
                yield break;
            }

            next = next with { PageToken = page.NextPageToken };
        }
    }

    /// <summary>Renames an experiment.</summary>
    public Task UpdateAsync(string experimentId, string newName, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(experimentId, "experiment_id");
        MlflowValidation.ValidateExperimentName(newName, "new_name");
        return _store.UpdateExperimentAsync(experimentId, newName, cancellationToken);
    }

    /// <summary>Marks an experiment and its runs deleted.</summary>
    /// <exception cref="MlflowNotFoundException">No active experiment has that id.</exception>
    public Task DeleteAsync(string experimentId, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(experimentId, "experiment_id");
        return _store.DeleteExperimentAsync(experimentId, cancellationToken);
    }

    /// <summary>Restores a deleted experiment.</summary>
    public Task RestoreAsync(string experimentId, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(experimentId, "experiment_id");
        return _store.RestoreExperimentAsync(experimentId, cancellationToken);
    }

    /// <summary>Sets an experiment tag.</summary>
    /// <exception cref="MlflowInvalidParameterException">The key breaks MLflow's rules or the value is over 5000 characters.</exception>
    public Task SetTagAsync(string experimentId, string key, string value, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(experimentId, "experiment_id");
        MlflowValidation.ValidateExperimentTag(key, value);
        return _store.SetExperimentTagAsync(experimentId, key, value, cancellationToken);
    }

    /// <summary>Deletes an experiment tag.</summary>
    public Task DeleteTagAsync(string experimentId, string key, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(experimentId, "experiment_id");
        MlflowValidation.ValidateTagKey(key);
        return _store.DeleteExperimentTagAsync(experimentId, key, cancellationToken);
    }
}
