using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking;

/// <summary>
/// Builds and starts a run with its first params, tags, metrics, inputs and artifacts:
/// <c>client.CreateRunBuilder(experimentId).WithName("baseline").WithParam("lr", 0.01).WithTag("team", "vision").StartAsync()</c>.
/// </summary>
/// <remarks>
/// The artifact methods are named after <see cref="ActiveRun"/>'s (<c>LogArtifact</c> → <see cref="WithArtifact"/>,
/// <c>LogArtifacts</c> → <see cref="WithArtifacts"/>, <c>LogText</c> → <see cref="WithText"/>, <c>LogDict</c> →
/// <see cref="WithDict(JsonNode?, string)"/>). Text and dictionaries are captured when added; files are read by
/// <see cref="StartAsync"/>, which checks every path and that every file exists before the run is created.
/// </remarks>
public sealed class RunBuilder
{
    private readonly RunsClient _runs;
    private readonly string _experimentId;
    private readonly List<Param> _params = new();
    private readonly List<Tag> _tags = new();
    private readonly List<Metric> _metrics = new();
    private readonly List<DatasetInput> _inputs = new();
    private readonly List<PendingArtifact> _artifacts = new();
    private readonly ArtifactsClient _artifactsClient;
    private string? _name;
    private string? _userId;
    private DateTimeOffset? _startTime;

    internal RunBuilder(RunsClient runs, ArtifactsClient artifacts, string experimentId)
    {
        _runs = runs;
        _artifactsClient = artifacts;
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

    /// <summary>Adds a local file uploaded as <c>artifactPath/&lt;file name&gt;</c> right after the run starts (MLflow's <c>log_artifact</c>); read by <see cref="StartAsync"/>.</summary>
    /// <exception cref="MlflowInvalidParameterException">The artifact path breaks a rule (the message names it).</exception>
    public RunBuilder WithArtifact(string localPath, string? artifactPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        var fullPath = Path.GetFullPath(localPath);
        var directory = Artifacts.ArtifactPaths.Normalize(artifactPath);
        _ = Artifacts.ArtifactPaths.FileName(fullPath); // refuses a name that cannot be an artifact file, now rather than at StartAsync
        _artifacts.Add(new PendingArtifact(
            () =>
            {
                if (!File.Exists(fullPath))
                {
                    throw new FileNotFoundException($"The artifact file '{fullPath}' does not exist.", fullPath);
                }
            },
            (client, runId, ct) => client.UploadAsync(runId, fullPath, directory, ct)));
        return this;
    }

    /// <summary>Adds every file under a local directory, uploaded under <paramref name="artifactPath"/> right after the run starts (MLflow's <c>log_artifacts</c>).</summary>
    /// <exception cref="MlflowInvalidParameterException">The artifact path breaks a rule (the message names it).</exception>
    public RunBuilder WithArtifacts(string localDirectory, string? artifactPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(localDirectory);
        var fullPath = Path.GetFullPath(localDirectory);
        var directory = Artifacts.ArtifactPaths.Normalize(artifactPath);
        _artifacts.Add(new PendingArtifact(
            () =>
            {
                if (!Directory.Exists(fullPath))
                {
                    throw new DirectoryNotFoundException($"The artifact directory '{fullPath}' does not exist.");
                }
            },
            (client, runId, ct) => client.UploadDirectoryAsync(runId, fullPath, directory, ct)));
        return this;
    }

    /// <summary>Adds <paramref name="text"/> as the UTF-8 artifact file <paramref name="artifactFile"/> (MLflow's <c>log_text</c>).</summary>
    /// <exception cref="MlflowInvalidParameterException">The artifact path breaks a rule (the message names it).</exception>
    public RunBuilder WithText(string text, string artifactFile)
    {
        ArgumentNullException.ThrowIfNull(text);
        var file = ArtifactsClient.RequireFile(artifactFile);
        _artifacts.Add(new PendingArtifact(null, (client, runId, ct) => client.UploadTextAsync(runId, text, file, ct)));
        return this;
    }

    /// <summary>Adds <paramref name="value"/> as the indented-JSON artifact file <paramref name="artifactFile"/> (MLflow's <c>log_dict</c>), rendered now.</summary>
    /// <exception cref="MlflowInvalidParameterException">The file name ends in .yaml or .yml (only JSON is written), or the path breaks a rule.</exception>
    public RunBuilder WithDict(JsonNode? value, string artifactFile) =>
        WithText(ArtifactsClient.RenderJson(value, ArtifactsClient.RequireFile(artifactFile)), artifactFile);

    /// <summary>Adds a dictionary of plain values (strings, numbers, booleans, null, nested dictionaries and lists, <see cref="JsonNode"/>s) as indented JSON; see <see cref="WithDict(JsonNode?, string)"/>.</summary>
    /// <exception cref="MlflowInvalidParameterException">A value has another type (the message names its key), or the file name is refused.</exception>
    public RunBuilder WithDict(IEnumerable<KeyValuePair<string, object?>> dictionary, string artifactFile)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        return WithDict(Artifacts.DictionaryJson.ToNode(dictionary), artifactFile);
    }

    /// <summary>Adds <paramref name="value"/> as indented JSON written with a source-generated <paramref name="typeInfo"/> (AOT-safe); see <see cref="WithDict(JsonNode?, string)"/>.</summary>
    public RunBuilder WithDict<T>(T value, JsonTypeInfo<T> typeInfo, string artifactFile)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return WithDict(JsonSerializer.SerializeToNode(value, typeInfo), artifactFile);
    }

    /// <summary>
    /// Creates the run, logs the params, metrics and inputs, uploads the artifacts in the order they were added, and
    /// returns the run as the store has it. Keys, inputs, artifact paths and local files are checked first, so that a
    /// mistake does not leave an empty run behind.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file added with <see cref="WithArtifact"/> does not exist (the message names it).</exception>
    /// <exception cref="DirectoryNotFoundException">A directory added with <see cref="WithArtifacts"/> does not exist.</exception>
    public async Task<Run> StartAsync(CancellationToken cancellationToken = default)
    {
        // Validate everything before the run exists, so that a bad key does not leave an empty run behind.
        var prepared = _runs.PrepareBatch(null, _metrics, _params, null);
        Datasets.DatasetValidation.Validate(_inputs);
        foreach (var artifact in _artifacts)
        {
            artifact.Check?.Invoke();
        }

        var run = await _runs.CreateAsync(new CreateRunRequest { ExperimentId = _experimentId, RunName = _name, UserId = _userId, StartTime = _startTime, Tags = _tags.ToArray() }, cancellationToken).ConfigureAwait(false);
        if (_params.Count > 0 || _metrics.Count > 0)
        {
            await _runs.LogBatchAsync(run.Info.RunId, prepared.Metrics, prepared.Params, null, cancellationToken).ConfigureAwait(false);
        }

        if (_inputs.Count > 0)
        {
            await _runs.LogInputsAsync(run.Info.RunId, _inputs, cancellationToken).ConfigureAwait(false);
        }

        foreach (var artifact in _artifacts)
        {
            await artifact.Upload(_artifactsClient, run.Info.RunId, cancellationToken).ConfigureAwait(false);
        }

        if (_params.Count > 0 || _metrics.Count > 0 || _inputs.Count > 0)
        {
            return await _runs.GetAsync(run.Info.RunId, cancellationToken).ConfigureAwait(false);
        }

        return run;
    }

    /// <summary>An artifact to upload once the run exists: a check made before it is created, then the upload.</summary>
    private sealed record PendingArtifact(Action? Check, Func<ArtifactsClient, string, CancellationToken, Task> Upload);
}
