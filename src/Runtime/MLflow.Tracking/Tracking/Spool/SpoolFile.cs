using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MLflow.Tracking.Spool;

/// <summary>
/// One spool file: whole runs (or the continuation of runs spooled before) written together, in the order their
/// operations were queued. <see cref="Version"/> lets a later release read (or knowingly skip) an older format.
/// </summary>
internal sealed class SpoolFile
{
    /// <summary>The format this release writes.</summary>
    public const int CurrentVersion = 1;

    [JsonPropertyName("version")]
    public int Version { get; set; } = CurrentVersion;

    /// <summary>The store the runs belong to (its description, never credentials), for people reading the folder.</summary>
    [JsonPropertyName("store")]
    public string? Store { get; set; }

    [JsonPropertyName("runs")]
    public List<SpoolRun> Runs { get; set; } = new();
}

/// <summary>One run in a spool file.</summary>
internal sealed class SpoolRun
{
    /// <summary>The client-side key; the server's run id is mapped to it when the run is created at replay.</summary>
    [JsonPropertyName("key")]
    public string Key { get; set; } = "";

    /// <summary>The server's run id, when the run was created before it was spooled (or it is <c>MLFLOW_RUN_ID</c>).</summary>
    [JsonPropertyName("run_id")]
    public string? RunId { get; set; }

    /// <summary>Whether the run still has to be created (false for a continuation of a run spooled earlier).</summary>
    [JsonPropertyName("create")]
    public bool Create { get; set; }

    /// <summary>
    /// A creation of this run was sent before it was spooled and never answered: the replay looks the run up by
    /// <see cref="Key"/> (the <c>dotnet.tracking.run_key</c> tag) before creating it.
    /// </summary>
    [JsonPropertyName("creation_uncertain")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool CreationUncertain { get; set; }

    /// <summary>An existing run (<c>MLFLOW_RUN_ID</c>) logged into: never terminated.</summary>
    [JsonPropertyName("attached")]
    public bool Attached { get; set; }

    [JsonPropertyName("parent_key")]
    public string? ParentKey { get; set; }

    [JsonPropertyName("parent_run_id")]
    public string? ParentRunId { get; set; }

    [JsonPropertyName("experiment_id")]
    public string? ExperimentId { get; set; }

    [JsonPropertyName("experiment_name")]
    public string? ExperimentName { get; set; }

    [JsonPropertyName("run_name")]
    public string RunName { get; set; } = "";

    [JsonPropertyName("source_name")]
    public string SourceName { get; set; } = "";

    /// <summary>Unix milliseconds.</summary>
    [JsonPropertyName("start_time")]
    public long StartTime { get; set; }

    /// <summary>The tags the run is created with (system tags of the process that tracked it, and the method's tags).</summary>
    [JsonPropertyName("creation_tags")]
    public List<SpoolItem>? CreationTags { get; set; }

    /// <summary>Metrics, params and tags, in the order they were logged.</summary>
    [JsonPropertyName("items")]
    public List<SpoolItem> Items { get; set; } = new();

    /// <summary>The <see cref="RunStatus"/> the run ended with, when it ended.</summary>
    [JsonPropertyName("end_status")]
    public RunStatus? EndStatus { get; set; }

    /// <summary>Unix milliseconds.</summary>
    [JsonPropertyName("end_time")]
    public long? EndTime { get; set; }

    /// <summary>How many run operations this entry stands for (creation, items, termination).</summary>
    [JsonIgnore]
    public int OperationCount => (Create ? 1 : 0) + Items.Count + (EndStatus is null ? 0 : 1);
}

/// <summary>A metric (<c>m</c>), param (<c>p</c>) or tag (<c>t</c>).</summary>
internal sealed class SpoolItem
{
    [JsonPropertyName("k")]
    public char Kind { get; set; }

    [JsonPropertyName("key")]
    public string Key { get; set; } = "";

    [JsonPropertyName("text")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; set; }

    [JsonPropertyName("value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double Value { get; set; }

    [JsonPropertyName("step")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Step { get; set; }

    /// <summary>Unix milliseconds (metrics).</summary>
    [JsonPropertyName("ts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Timestamp { get; set; }
}

/// <summary>Source-generated (trim- and AOT-safe) serialization of the spool format; NaN and infinities stay metric values.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SpoolFile))]
internal sealed partial class SpoolJsonContext : JsonSerializerContext
{
}
