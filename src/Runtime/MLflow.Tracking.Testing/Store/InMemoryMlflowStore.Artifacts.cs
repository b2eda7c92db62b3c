using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using MLflow.Tracking.Artifacts;

namespace MLflow.Tracking.Testing;

/// <summary>Artifacts of runs whose root is <c>memory://</c> (the default), kept in this store for assertions.</summary>
public sealed partial class InMemoryMlflowStore
{
    private readonly ConcurrentDictionary<string, byte[]> _artifactFiles = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override IArtifactRepository? TryOpenArtifactRepository(string artifactUri)
    {
        ArgumentNullException.ThrowIfNull(artifactUri);
        return artifactUri.StartsWith(DefaultArtifactRoot, StringComparison.Ordinal) ? new InMemoryArtifactRepository(artifactUri, _artifactFiles) : null;
    }

    /// <summary>The artifact files of <paramref name="runId"/> kept in memory, by path under the run's root.</summary>
    /// <exception cref="MlflowNotFoundException">No run has that id.</exception>
    public IReadOnlyDictionary<string, byte[]> GetArtifacts(string runId)
    {
        string uri;
        lock (_gate)
        {
            uri = GetRun(runId).ArtifactUri;
        }

        return new InMemoryArtifactRepository(uri, _artifactFiles).Snapshot();
    }
}
