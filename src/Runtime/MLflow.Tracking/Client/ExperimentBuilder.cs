using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking;

/// <summary>Builds a new experiment: <c>client.CreateExperimentBuilder("name").WithTag("team", "vision").CreateAsync()</c>.</summary>
public sealed class ExperimentBuilder
{
    private readonly ExperimentsClient _experiments;
    private readonly string _name;
    private readonly List<KeyValuePair<string, string>> _tags = new();
    private string? _artifactLocation;

    internal ExperimentBuilder(ExperimentsClient experiments, string name)
    {
        _experiments = experiments;
        _name = name ?? throw new ArgumentNullException(nameof(name));
    }

    /// <summary>Adds a tag; a later value for the same key wins.</summary>
    public ExperimentBuilder WithTag(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _tags.RemoveAll(t => t.Key == key);
        _tags.Add(new KeyValuePair<string, string>(key, value ?? throw new ArgumentNullException(nameof(value))));
        return this;
    }

    /// <summary>Sets where the experiment's artifacts go.</summary>
    public ExperimentBuilder WithArtifactLocation(string artifactLocation)
    {
        _artifactLocation = artifactLocation ?? throw new ArgumentNullException(nameof(artifactLocation));
        return this;
    }

    /// <summary>Creates the experiment and returns it.</summary>
    /// <exception cref="MlflowAlreadyExistsException">An experiment of that name exists.</exception>
    public async Task<Experiment> CreateAsync(CancellationToken cancellationToken = default)
    {
        var id = await _experiments.CreateAsync(_name, _artifactLocation, _tags, cancellationToken).ConfigureAwait(false);
        return await _experiments.GetAsync(id, cancellationToken).ConfigureAwait(false);
    }
}
