using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using MLflow.Tracking.Pipeline;

namespace MLflow.Tracking;

/// <summary>
/// What a tracked method declares about its runs, fixed at compile time: the generator emits one static instance
/// per method, so a call allocates nothing for it. Generated code, the DynamicProxy interceptor and the ASP.NET Core
/// middleware create it from their own assemblies, so it is public; it is hidden from IntelliSense because user code
/// normally writes a <c>[TrackedRun]</c> method instead (starting a run by hand on <see cref="IRunTracker"/>, as
/// docs/background-jobs.md shows, stays supported).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TrackedRunDefinition
{
    /// <summary>Describes a tracked method's runs.</summary>
    /// <param name="experimentName">The experiment, or null for the configured default.</param>
    /// <param name="runName">The run name (the method name unless the attribute sets one).</param>
    /// <param name="sourceName">The method, as <c>Namespace.Type.Method</c> (the <c>mlflow.source.name</c> tag).</param>
    /// <param name="tags">
    /// The <see cref="RunTagAttribute"/> tags of the method and its types. A key MLflow reserves (<c>mlflow.*</c>, except
    /// <c>mlflow.note.content</c>) is refused with a logged warning; the runs are recorded without it.
    /// </param>
    public TrackedRunDefinition(string? experimentName, string runName, string sourceName, IReadOnlyList<Tag>? tags = null)
    {
        ExperimentName = experimentName;
        RunName = runName ?? throw new ArgumentNullException(nameof(runName));
        SourceName = sourceName ?? throw new ArgumentNullException(nameof(sourceName));
        (Tags, ReservedTags) = Split(tags ?? Array.Empty<Tag>());
    }

    /// <summary>The experiment, or null for the configured default.</summary>
    public string? ExperimentName { get; }

    /// <summary>The run name.</summary>
    public string RunName { get; }

    /// <summary>The method, as <c>Namespace.Type.Method</c>.</summary>
    public string SourceName { get; }

    /// <summary>
    /// Whether runs sample system metrics while open (<see cref="TrackedRunAttribute.LogSystemMetrics"/>); they also
    /// do when <see cref="MlflowOptions.SystemMetrics"/> is enabled.
    /// </summary>
    public bool LogSystemMetrics { get; init; }

    /// <summary>The constant tags every run gets (a reserved <c>mlflow.*</c> key is never among them).</summary>
    public IReadOnlyList<Tag> Tags { get; }

    /// <summary>Constant tags refused because MLflow reserves their key (<c>mlflow.*</c>, MLFLOW009); logged once.</summary>
    internal IReadOnlyList<Tag> ReservedTags { get; }

    private int _reservedTagsReported;

    /// <summary>True the first time it is asked, so the refused tags are logged once per definition, not per run.</summary>
    internal bool ClaimReservedTagsReport() => ReservedTags.Count > 0 && Interlocked.Exchange(ref _reservedTagsReported, 1) == 0;

    private static (IReadOnlyList<Tag> Accepted, IReadOnlyList<Tag> Reserved) Split(IReadOnlyList<Tag> tags)
    {
        List<Tag>? accepted = null;
        List<Tag>? reserved = null;
        for (var i = 0; i < tags.Count; i++)
        {
            if (ReservedTagKeys.IsReserved(tags[i].Key))
            {
                accepted ??= new List<Tag>(CopyOf(tags, i));
                (reserved ??= new List<Tag>()).Add(tags[i]);
            }
            else
            {
                accepted?.Add(tags[i]);
            }
        }

        return reserved is null ? (tags, Array.Empty<Tag>()) : (accepted!, reserved);
    }

    private static IEnumerable<Tag> CopyOf(IReadOnlyList<Tag> tags, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return tags[i];
        }
    }
}
