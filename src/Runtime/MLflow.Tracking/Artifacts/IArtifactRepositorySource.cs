namespace MLflow.Tracking.Artifacts;

/// <summary>
/// A store that serves some artifact URIs itself: the REST store opens <c>mlflow-artifacts:</c> URIs through its
/// server's proxy, the in-memory fake its <c>memory://</c> URIs. The client asks the store before the file system.
/// </summary>
public interface IArtifactRepositorySource
{
    /// <summary>Opens the repository for <paramref name="artifactUri"/>, or returns null when this store does not serve that URI.</summary>
    /// <param name="artifactUri">A run's artifact root.</param>
    IArtifactRepository? TryOpenArtifactRepository(string artifactUri);
}
