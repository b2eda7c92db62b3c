using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Artifacts;

/// <summary>
/// The files of one run's artifact root (MLflow's <c>ArtifactRepository</c>), chosen by the scheme of the run's
/// <c>artifact_uri</c>: the tracking server's proxy for <c>mlflow-artifacts:</c>, the file system for <c>file:</c>
/// and plain paths. Implement it for any other scheme and register it in <see cref="ArtifactRepositoryRegistry"/>.
/// </summary>
/// <remarks>
/// Every <c>artifactPath</c> a repository receives has been checked by the client already: relative to the root,
/// '/'-separated, without <c>..</c>, <c>.</c>, empty segments, backslashes or a drive; an empty path is the root.
/// </remarks>
public interface IArtifactRepository
{
    /// <summary>The artifact root this repository serves, such as <c>mlflow-artifacts:/1/&lt;run&gt;/artifacts</c>.</summary>
    string RootUri { get; }

    /// <summary>Writes <paramref name="content"/> (read to its end, streaming) as the file <paramref name="artifactPath"/>, replacing any file there.</summary>
    /// <param name="content">The bytes; a seekable stream (such as a <see cref="FileStream"/>) can be sent again when a retry needs it.</param>
    /// <param name="artifactPath">The file's path under the root.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    Task UploadAsync(Stream content, string artifactPath, CancellationToken cancellationToken);

    /// <summary>Lists the direct children of the directory <paramref name="path"/> (the root when empty), sorted by path; empty when it does not exist.</summary>
    /// <param name="path">The directory under the root.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Entries whose paths are relative to the root (<c>plots/loss.csv</c>, not <c>loss.csv</c>).</returns>
    Task<IReadOnlyList<ArtifactFileInfo>> ListAsync(string path, CancellationToken cancellationToken);

    /// <summary>Copies the file <paramref name="artifactPath"/> into <paramref name="destination"/>, streaming.</summary>
    /// <exception cref="MlflowNotFoundException">There is no such file.</exception>
    Task DownloadAsync(string artifactPath, Stream destination, CancellationToken cancellationToken);

    /// <summary>Deletes the file or directory <paramref name="artifactPath"/>.</summary>
    Task DeleteAsync(string artifactPath, CancellationToken cancellationToken);
}
