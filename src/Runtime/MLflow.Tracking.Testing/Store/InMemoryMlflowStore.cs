using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Stores;

namespace MLflow.Tracking.Testing;

/// <summary>
/// An MLflow store in memory with a tracking server's semantics: experiment <c>0</c> (<c>Default</c>) exists,
/// experiment ids count up, run ids are 32 hex digits, params are immutable, keys follow MLflow's rules, long values
/// are truncated, runs report their latest metrics, and searches page with MLflow's <c>{"offset": N}</c> tokens.
/// Thread-safe; for tests and for <see cref="MlflowFake"/>.
/// </summary>
public sealed partial class InMemoryMlflowStore : MlflowStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, StoredExperiment> _experiments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredRun> _runs = new(StringComparer.Ordinal);
    private readonly List<StoredExperiment> _experimentOrder = new();
    private readonly List<StoredRun> _runOrder = new();
    private readonly TimeProvider _time;
    private readonly string _artifactRoot;
    private int _nextExperimentId = 1;
    private long _nextRunSequence;

    /// <summary>An empty store holding only the <c>Default</c> experiment (id <c>0</c>).</summary>
    public InMemoryMlflowStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>An empty store whose creation and update times come from <paramref name="timeProvider"/>.</summary>
    public InMemoryMlflowStore(TimeProvider timeProvider)
        : this(timeProvider, DefaultArtifactRoot)
    {
    }

    /// <summary>
    /// An empty store whose new experiments get <c>&lt;artifactRoot&gt;/&lt;id&gt;</c> as artifact location, as a
    /// server's <c>--default-artifact-root</c>: <c>mlflow-artifacts:</c> gives <c>mlflow-artifacts:/1</c>, what a
    /// server started with <c>--serve-artifacts</c> answers. Artifacts under <c>memory://</c> are kept in this store.
    /// </summary>
    /// <param name="timeProvider">Where creation and update times come from.</param>
    /// <param name="artifactRoot">The artifact root of new experiments.</param>
    public InMemoryMlflowStore(TimeProvider timeProvider, string artifactRoot)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrEmpty(artifactRoot);
        _time = timeProvider;
        _artifactRoot = artifactRoot;
        AddExperiment("0", "Default", null);
    }

    /// <summary>The artifact root of experiments by default: <c>memory://</c>, served from this store.</summary>
    public const string DefaultArtifactRoot = "memory://";

    /// <inheritdoc/>
    public override string Description => "in-memory";

    /// <inheritdoc/>
    public override Task<string> PingAsync(CancellationToken cancellationToken) => Task.FromResult("in-memory MLflow store");

    /// <inheritdoc/>
    public override Task<string> CreateExperimentAsync(string name, string? artifactLocation, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        StoreRules.ValidateExperimentName(name);
        lock (_gate)
        {
            if (FindExperimentByName(name) is not null)
            {
                throw new MlflowAlreadyExistsException($"Experiment(name={name}) already exists.");
            }

            var id = _nextExperimentId.ToString(CultureInfo.InvariantCulture);
            var experiment = AddExperiment(id, name, artifactLocation);
            foreach (var tag in tags ?? Array.Empty<Tag>())
            {
                StoreRules.ValidateKey(tag.Key, "key");
                experiment.Tags[tag.Key] = tag.Value;
            }

            return Task.FromResult(id);
        }
    }

    /// <inheritdoc/>
    public override Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(GetExperiment(experimentId).ToModel());
        }
    }

    /// <inheritdoc/>
    public override Task<Experiment> GetExperimentByNameAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var experiment = FindExperimentByName(name) ?? throw new MlflowNotFoundException($"Could not find experiment with name '{name}'");
            return Task.FromResult(experiment.ToModel());
        }
    }

    /// <inheritdoc/>
    public override Task UpdateExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken)
    {
        StoreRules.ValidateExperimentName(newName);
        lock (_gate)
        {
            var experiment = GetExperiment(experimentId);
            if (experiment.Stage != LifecycleStage.Active)
            {
                throw new MlflowInvalidParameterException($"Cannot rename a non-active experiment {experimentId}.");
            }

            if (FindExperimentByName(newName) is { } other && !ReferenceEquals(other, experiment))
            {
                throw new MlflowAlreadyExistsException($"Experiment(name={newName}) already exists.");
            }

            experiment.Name = newName;
            experiment.LastUpdateTime = _time.GetUtcNow();
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public override Task DeleteExperimentAsync(string experimentId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var experiment = GetExperiment(experimentId);
            if (experiment.Stage != LifecycleStage.Active)
            {
                throw new MlflowNotFoundException($"No Experiment with id={experimentId} exists");
            }

            SetExperimentStage(experiment, LifecycleStage.Deleted);
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public override Task RestoreExperimentAsync(string experimentId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var experiment = GetExperiment(experimentId);
            if (experiment.Stage != LifecycleStage.Deleted)
            {
                throw new MlflowInvalidParameterException($"Cannot restore an active experiment {experimentId}.");
            }

            SetExperimentStage(experiment, LifecycleStage.Active);
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public override Task SetExperimentTagAsync(string experimentId, string key, string value, CancellationToken cancellationToken)
    {
        StoreRules.ValidateKey(key, "key");
        if (value is not null && value.Length > StoreRules.MaxExperimentTagValueLength)
        {
            throw new MlflowInvalidParameterException($"'value' exceeds the maximum length of {StoreRules.MaxExperimentTagValueLength} characters");
        }

        lock (_gate)
        {
            var experiment = GetActiveExperiment(experimentId);
            experiment.Tags[key] = value ?? string.Empty;
            experiment.LastUpdateTime = _time.GetUtcNow();
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public override Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var experiment = GetActiveExperiment(experimentId);
            if (!experiment.Tags.Remove(key))
            {
                throw new MlflowNotFoundException($"No tag with name: {key} in experiment with id {experimentId}");
            }

            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    protected override ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;

    private StoredExperiment AddExperiment(string id, string name, string? artifactLocation)
    {
        var now = _time.GetUtcNow();
        var experiment = new StoredExperiment
        {
            Id = id,
            Name = name,
            ArtifactLocation = artifactLocation ?? AppendPath(_artifactRoot, id),
            CreationTime = StoreRules.Milliseconds(now),
            LastUpdateTime = StoreRules.Milliseconds(now),
        };
        _experiments[id] = experiment;
        _experimentOrder.Add(experiment);
        _nextExperimentId = Math.Max(_nextExperimentId, int.Parse(id, CultureInfo.InvariantCulture) + 1);
        return experiment;
    }

    /// <summary>MLflow's <c>append_to_uri_path</c>: one '/' between the parts.</summary>
    private static string AppendPath(string root, string part) => root.EndsWith('/') ? root + part : root + "/" + part;

    private StoredExperiment? FindExperimentByName(string name)
    {
        foreach (var experiment in _experimentOrder)
        {
            if (string.Equals(experiment.Name, name, StringComparison.Ordinal))
            {
                return experiment;
            }
        }

        return null;
    }

    private StoredExperiment GetExperiment(string experimentId) =>
        experimentId is not null && _experiments.TryGetValue(experimentId, out var experiment)
            ? experiment
            : throw new MlflowNotFoundException($"No Experiment with id={experimentId} exists");

    private StoredExperiment GetActiveExperiment(string experimentId)
    {
        var experiment = GetExperiment(experimentId);
        if (experiment.Stage != LifecycleStage.Active)
        {
            throw new MlflowInvalidParameterException($"The experiment {experimentId} must be in the 'active' state. Current state is deleted.");
        }

        return experiment;
    }

    private void SetExperimentStage(StoredExperiment experiment, LifecycleStage stage)
    {
        experiment.Stage = stage;
        experiment.LastUpdateTime = _time.GetUtcNow();
        foreach (var run in _runOrder)
        {
            if (run.ExperimentId == experiment.Id)
            {
                run.Stage = stage;
            }
        }
    }
}
