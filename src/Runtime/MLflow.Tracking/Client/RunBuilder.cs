using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking;

/// <summary>
/// Builds and starts a run with its first params, tags and metrics:
/// <c>client.CreateRunBuilder(experimentId).WithName("baseline").WithParam("lr", 0.01).WithTag("team", "vision").StartAsync()</c>.
/// </summary>
public sealed class RunBuilder
{
    private readonly RunsClient _runs;
    private readonly string _experimentId;
    private readonly List<Param> _params = new();
    private readonly List<Tag> _tags = new();
    private readonly List<Metric> _metrics = new();
    private readonly List<DatasetInput> _inputs = new();
    private string? _name;
    private string? _userId;
    private DateTimeOffset? _startTime;

    internal RunBuilder(RunsClient runs, string experimentId)
    {
        _runs = runs;
        _experimentId = experimentId ?? throw new ArgumentNullException(nameof(experimentId));
    }

    /// <summary>Names the run.</summary>
    public RunBuilder WithName(string runName)
    {
        _name = runName ?? throw new ArgumentNullException(nameof(runName));
        return this;
    }

    /// <summary>Records the user who owns the run.</summary>
    public RunBuilder WithUserId(string userId)
    {
        _userId = userId ?? throw new ArgumentNullException(nameof(userId));
        return this;
    }

    /// <summary>Sets the start time (now by default).</summary>
    public RunBuilder WithStartTime(DateTimeOffset startTime)
    {
        _startTime = startTime;
        return this;
    }

    /// <summary>Adds a param, formatted with the invariant culture.</summary>
    public RunBuilder WithParam<T>(string key, T value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _params.Add(new Param(key, MlflowValueFormatter.Format(value)));
        return this;
    }

    /// <summary>Adds params.</summary>
    public RunBuilder WithParams(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var parameter in parameters)
        {
            WithParam(parameter.Key, parameter.Value);
        }

        return this;
    }

    /// <summary>Adds a tag; a later value for the same key wins.</summary>
    public RunBuilder WithTag(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _tags.RemoveAll(t => t.Key == key);
        _tags.Add(new Tag(key, value ?? throw new ArgumentNullException(nameof(value))));
        return this;
    }

    /// <summary>Adds a metric point logged right after the run starts.</summary>
    public RunBuilder WithMetric(string key, double value, long step = 0)
    {
        ArgumentNullException.ThrowIfNull(key);
        _metrics.Add(new Metric(key, value, DateTimeOffset.UtcNow, step));
        return this;
    }

    /// <summary>Adds a dataset logged as an input right after the run starts, with its context (such as <c>training</c>).</summary>
    public RunBuilder WithInput(Dataset dataset, string? context = null, IEnumerable<KeyValuePair<string, string>>? tags = null)
    {
        _inputs.Add(DatasetInput.Create(dataset, context, tags));
        return this;
    }

    /// <summary>Creates the run, logs the params, metrics and inputs, and returns the run as the store has it.</summary>
    public async Task<Run> StartAsync(CancellationToken cancellationToken = default)
    {
        // Validate everything before the run exists, so that a bad key does not leave an empty run behind.
        var prepared = _runs.PrepareBatch(null, _metrics, _params, null);
        Datasets.DatasetValidation.Validate(_inputs);
        var run = await _runs.CreateAsync(new CreateRunRequest { ExperimentId = _experimentId, RunName = _name, UserId = _userId, StartTime = _startTime, Tags = _tags.ToArray() }, cancellationToken).ConfigureAwait(false);
        if (_params.Count > 0 || _metrics.Count > 0)
        {
            await _runs.LogBatchAsync(run.Info.RunId, prepared.Metrics, prepared.Params, null, cancellationToken).ConfigureAwait(false);
        }

        if (_inputs.Count > 0)
        {
            await _runs.LogInputsAsync(run.Info.RunId, _inputs, cancellationToken).ConfigureAwait(false);
        }

        if (_params.Count > 0 || _metrics.Count > 0 || _inputs.Count > 0)
        {
            return await _runs.GetAsync(run.Info.RunId, cancellationToken).ConfigureAwait(false);
        }

        return run;
    }
}
