using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Stores;

namespace MLflow.Tracking.Artifacts;

/// <summary>
/// Finds the repository for a run's artifact root, in this order: a factory registered for the URI's scheme, the
/// store itself (<see cref="MlflowStore.TryOpenArtifactRepository"/>: the server's proxy, the fake's memory), the local file
/// system for <c>file:</c> and plain paths; any other scheme is refused with a message that names it.
/// </summary>
internal sealed class ArtifactRepositoryResolver
{
    private readonly MlflowStore _store;
    private readonly ArtifactRepositoryRegistry _registry;
    private readonly ConcurrentDictionary<string, IArtifactRepository> _byRun = new(StringComparer.Ordinal);

    public ArtifactRepositoryResolver(MlflowStore store, ArtifactRepositoryRegistry registry)
    {
        _store = store;
        _registry = registry;
    }

    /// <summary>The repository of <paramref name="runId"/> (its artifact URI never changes, so it is looked up once).</summary>
    public async Task<IArtifactRepository> ForRunAsync(string runId, CancellationToken cancellationToken)
    {
        if (_byRun.TryGetValue(runId, out var known))
        {
            return known;
        }

        var run = await _store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        var uri = run.Info.ArtifactUri;
        if (string.IsNullOrEmpty(uri))
        {
            throw new MlflowException($"Run {runId} has no artifact URI, so it cannot hold artifacts.");
        }

        var repository = Open(uri);
        return _byRun.GetOrAdd(runId, repository);
    }

    /// <summary>The repository for the artifact root <paramref name="artifactUri"/>.</summary>
    /// <exception cref="NotSupportedException">No repository serves the URI's scheme.</exception>
    public IArtifactRepository Open(string artifactUri)
    {
        var registered = _registry.TryOpen(artifactUri);
        if (registered is not null)
        {
            return registered;
        }

        if (_store.TryOpenArtifactRepository(artifactUri) is { } served)
        {
            return served;
        }

        if (ArtifactUris.TryGetLocalDirectory(artifactUri) is not null)
        {
            return new LocalArtifactRepository(artifactUri);
        }

        var scheme = ArtifactUris.GetScheme(artifactUri);
        if (string.Equals(scheme, ArtifactUris.ProxyScheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"Artifact URI '{artifactUri}' uses scheme '{scheme}', the tracking server's artifact proxy, but the store ({_store.Description}) is not a tracking server. Use an http(s) tracking URI, or register a repository with MlflowOptions.ArtifactRepositories.Register(\"{scheme}\", …).");
        }

        throw new NotSupportedException($"Artifact URI '{artifactUri}' uses scheme '{scheme}', which MLflow.Tracking does not implement (built in: mlflow-artifacts through a tracking server, file and local paths). Register an IArtifactRepository for it with MlflowOptions.ArtifactRepositories.Register(\"{scheme}\", uri => …), or start the server with --serve-artifacts so that runs get mlflow-artifacts: URIs.");
    }
}
