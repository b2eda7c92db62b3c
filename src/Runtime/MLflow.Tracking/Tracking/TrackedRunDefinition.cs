using System;
using System.Collections.Generic;

namespace MLflow.Tracking;

/// <summary>
/// What a tracked method declares about its runs, fixed at compile time: the generator emits one static instance
/// per method, so a call allocates nothing for it.
/// </summary>
public sealed class TrackedRunDefinition
{
    /// <summary>Describes a tracked method's runs.</summary>
    /// <param name="experimentName">The experiment, or null for the configured default.</param>
    /// <param name="runName">The run name (the method name unless the attribute sets one).</param>
    /// <param name="sourceName">The method, as <c>Namespace.Type.Method</c> (the <c>mlflow.source.name</c> tag).</param>
    /// <param name="tags">The <see cref="RunTagAttribute"/> tags of the method and its types.</param>
    public TrackedRunDefinition(string? experimentName, string runName, string sourceName, IReadOnlyList<Tag>? tags = null)
    {
        ExperimentName = experimentName;
        RunName = runName ?? throw new ArgumentNullException(nameof(runName));
        SourceName = sourceName ?? throw new ArgumentNullException(nameof(sourceName));
        Tags = tags ?? Array.Empty<Tag>();
    }

    /// <summary>The experiment, or null for the configured default.</summary>
    public string? ExperimentName { get; }

    /// <summary>The run name.</summary>
    public string RunName { get; }

    /// <summary>The method, as <c>Namespace.Type.Method</c>.</summary>
    public string SourceName { get; }

    /// <summary>Constant tags.</summary>
    public IReadOnlyList<Tag> Tags { get; }
}
