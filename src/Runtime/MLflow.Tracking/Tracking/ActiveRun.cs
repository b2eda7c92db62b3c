using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking;

/// <summary>
/// The run of the innermost tracked call on the current async flow: log per-epoch metrics, extra params and tags
/// from inside a <see cref="TrackedRunAttribute"/> method's body. Logging never blocks on the network and never
/// throws because tracking failed.
/// </summary>
/// <example>
/// <code>
/// for (var epoch = 0; epoch &lt; epochs; epoch++)
/// {
///     var loss = Step();
///     ActiveRun.Current?.LogMetric("loss", loss, step: epoch);
/// }
/// </code>
/// </example>
public abstract class ActiveRun
{
    private static readonly AsyncLocal<ActiveRun?> CurrentRun = new();

    /// <summary>The run of the innermost tracked call on this async flow, or null outside tracked calls.</summary>
    public static ActiveRun? Current => CurrentRun.Value;

    /// <summary>
    /// The MLflow run id. Run creation happens in the background, so reading this may wait until the store has
    /// answered (bounded by the flush timeout); prefer <see cref="GetRunIdAsync"/> in async code.
    /// </summary>
    /// <exception cref="MlflowException">The run could not be created (the reason is in the logs and the inner exception).</exception>
    public abstract string RunId { get; }

    /// <summary>The MLflow run id, once the store has created the run.</summary>
    public abstract ValueTask<string> GetRunIdAsync(CancellationToken cancellationToken = default);

    /// <summary>The experiment id, once known; null before the run is created.</summary>
    public abstract string? ExperimentId { get; }

    /// <summary>The experiment's name as the tracked method names it (null for the configured default).</summary>
    public abstract string? ExperimentName { get; }

    /// <summary>The run name.</summary>
    public abstract string RunName { get; }

    /// <summary>The enclosing tracked call's run when this one is nested (its <c>mlflow.parentRunId</c>), or null.</summary>
    public abstract ActiveRun? Parent { get; }

    /// <summary>Logs a metric point (timestamp now unless given).</summary>
    public abstract void LogMetric(string key, double value, long step = 0, DateTimeOffset? timestamp = null);

    /// <summary>Logs several metric points at one step.</summary>
    public virtual void LogMetrics(IEnumerable<KeyValuePair<string, double>> metrics, long step = 0)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var now = DateTimeOffset.UtcNow;
        foreach (var metric in metrics)
        {
            LogMetric(metric.Key, metric.Value, step, now);
        }
    }

    /// <summary>Logs a param.</summary>
    public abstract void LogParam(string key, string value);

    /// <summary>Logs a param, formatted with the invariant culture (see <see cref="MlflowValueFormatter"/>).</summary>
    public void LogParam<T>(string key, T value) => LogParam(key, MlflowValueFormatter.Format(value));

    /// <summary>Sets a tag.</summary>
    public abstract void SetTag(string key, string value);

    /// <summary>
    /// Queues the local file <paramref name="localPath"/> as the artifact <c>artifactPath/&lt;file name&gt;</c>
    /// (MLflow's <c>log_artifact</c>). It only enqueues: the file is read (streamed) when the run's background
    /// pipeline delivers it, in order with the run's other data and before its termination, so it must still exist
    /// then. A missing file or a refused upload is logged (naming the path) and counted; it never fails this call,
    /// and the rest of the run is kept.
    /// </summary>
    /// <param name="localPath">The file (a relative path is resolved now, against the current directory).</param>
    /// <param name="artifactPath">The directory under the run's artifact root; the root when null.</param>
    /// <exception cref="ArgumentException"><paramref name="localPath"/> is null or empty.</exception>
    public virtual void LogArtifact(string localPath, string? artifactPath = null) => throw NotSupported();

    /// <summary>
    /// Queues every file under <paramref name="localDirectory"/> as artifacts under <paramref name="artifactPath"/>
    /// (MLflow's <c>log_artifacts</c>), read when delivered; see <see cref="LogArtifact"/>. Symbolic links are not
    /// followed out of the directory.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="localDirectory"/> is null or empty.</exception>
    public virtual void LogArtifacts(string localDirectory, string? artifactPath = null) => throw NotSupported();

    /// <summary>Queues <paramref name="text"/> (captured now) as the UTF-8 artifact file <paramref name="artifactFile"/> (MLflow's <c>log_text</c>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public virtual void LogText(string text, string artifactFile) => throw NotSupported();

    /// <summary>
    /// Queues <paramref name="value"/> as the indented-JSON artifact file <paramref name="artifactFile"/> (MLflow's
    /// <c>log_dict</c>). The JSON is rendered now, so later changes to <paramref name="value"/> are not logged.
    /// </summary>
    /// <exception cref="MlflowInvalidParameterException">The file name ends in .yaml or .yml (only JSON is written).</exception>
    public virtual void LogDict(JsonNode? value, string artifactFile) => throw NotSupported();

    /// <summary>Queues <paramref name="value"/> as indented JSON written with a source-generated <paramref name="typeInfo"/> (AOT-safe); see <see cref="LogDict(JsonNode?, string)"/>.</summary>
    public void LogDict<T>(T value, JsonTypeInfo<T> typeInfo, string artifactFile)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        LogDict(System.Text.Json.JsonSerializer.SerializeToNode(value, typeInfo), artifactFile);
    }

    /// <summary>
    /// Queues a dictionary of plain values (strings, numbers, booleans, null, nested dictionaries and lists,
    /// <see cref="JsonNode"/>s) as indented JSON; see <see cref="LogDict(JsonNode?, string)"/>.
    /// </summary>
    /// <exception cref="MlflowInvalidParameterException">A value has another type (the message names its key).</exception>
    public void LogDict(IEnumerable<KeyValuePair<string, object?>> dictionary, string artifactFile)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        LogDict(Artifacts.DictionaryJson.ToNode(dictionary), artifactFile);
    }

    /// <summary>
    /// Queues <paramref name="dataset"/> as an input of the run (MLflow's <c>log_input</c>), with its
    /// <paramref name="context"/> (such as <c>training</c>) stored as the input tag <c>mlflow.data.context</c>.
    /// A refused input is logged and counted; it never fails this call.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public virtual void LogInput(Datasets.Dataset dataset, string? context = null, IEnumerable<KeyValuePair<string, string>>? tags = null) => throw NotSupported();

    /// <summary>Makes <paramref name="run"/> the current run of this async flow; returns the one it replaces.</summary>
    protected static ActiveRun? SwapCurrent(ActiveRun? run)
    {
        var previous = CurrentRun.Value;
        CurrentRun.Value = run;
        return previous;
    }

    private NotSupportedException NotSupported() => new($"{GetType().Name} does not log artifacts or inputs; runs of BackgroundRunTracker (and MlflowFake) do.");
}
