using System;
using System.Collections.Concurrent;

namespace MLflow.Tracking.Artifacts;

/// <summary>
/// Artifact repositories for URI schemes this library does not implement (<c>s3</c>, <c>gs</c>, <c>wasbs</c>,
/// <c>dbfs</c>…): <c>options.ArtifactRepositories.Register("s3", uri =&gt; new MyS3Repository(uri))</c>. A registered
/// scheme wins over the built-in ones, so <c>file</c> and <c>mlflow-artifacts</c> can be replaced too.
/// </summary>
public sealed class ArtifactRepositoryRegistry
{
    private readonly ConcurrentDictionary<string, Func<string, IArtifactRepository>> _factories = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Makes <paramref name="factory"/> open every artifact root whose scheme is <paramref name="scheme"/>.</summary>
    /// <param name="scheme">The scheme without ':' (case-insensitive), such as <c>s3</c>.</param>
    /// <param name="factory">Gets a run's artifact root URI (such as <c>s3://bucket/1/&lt;run&gt;/artifacts</c>) and returns its repository.</param>
    /// <returns>This registry.</returns>
    public ArtifactRepositoryRegistry Register(string scheme, Func<string, IArtifactRepository> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        ArgumentNullException.ThrowIfNull(factory);
        if (!ArtifactUris.IsSchemeName(scheme))
        {
            throw new ArgumentException($"Artifact URI scheme '{scheme}' is not a URI scheme name (a letter, then letters, digits, '+', '-' or '.'; without ':').", nameof(scheme));
        }

        _factories[scheme] = factory;
        return this;
    }

    /// <summary>Whether a factory is registered for <paramref name="scheme"/>.</summary>
    public bool IsRegistered(string scheme) => _factories.ContainsKey(scheme);

    internal IArtifactRepository? TryOpen(string artifactUri)
    {
        var scheme = ArtifactUris.GetScheme(artifactUri);
        return scheme is not null && _factories.TryGetValue(scheme, out var factory) ? factory(artifactUri) : null;
    }
}
