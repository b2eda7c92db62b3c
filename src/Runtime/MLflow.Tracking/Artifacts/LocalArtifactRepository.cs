using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Artifacts;

/// <summary>
/// A run's artifact root on the local file system (a <c>file:</c> URI or a plain path), written directly as
/// MLflow's <c>LocalArtifactRepository</c> does: for the embedded <c>sqlite:///mlflow.db</c> that is
/// <c>&lt;folder&gt;/mlruns/&lt;experiment&gt;/&lt;run&gt;/artifacts/</c>, where <c>mlflow ui</c> reads it.
/// </summary>
public sealed class LocalArtifactRepository : IArtifactRepository
{
    private const int BufferSize = 81920;
    private readonly string _root;

    /// <summary>A repository over <paramref name="rootUri"/>.</summary>
    /// <param name="rootUri">A <c>file:</c> URI or a local path.</param>
    /// <exception cref="ArgumentException">The URI is not local.</exception>
    public LocalArtifactRepository(string rootUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootUri);
        RootUri = rootUri;
        _root = ArtifactUris.TryGetLocalDirectory(rootUri) ?? throw new ArgumentException($"Artifact URI '{rootUri}' is not a file: URI or a local path.", nameof(rootUri));
    }

    /// <inheritdoc />
    public string RootUri { get; }

    /// <summary>The root directory.</summary>
    public string RootDirectory => _root;

    /// <inheritdoc />
    public async Task UploadAsync(Stream content, string artifactPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = Resolve(artifactPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        // Written beside the target and moved over it, so that a reader never sees half a file.
        var partial = target + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            await using (output.ConfigureAwait(false))
            {
                await content.CopyToAsync(output, BufferSize, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ArtifactFileInfo>> ListAsync(string path, CancellationToken cancellationToken)
    {
        var directory = new DirectoryInfo(Resolve(path));
        IReadOnlyList<ArtifactFileInfo> entries = !directory.Exists
            ? Array.Empty<ArtifactFileInfo>()
            : directory.EnumerateFileSystemInfos()
                .Select(entry => entry is FileInfo file
                    ? new ArtifactFileInfo(ArtifactPaths.Combine(path, file.Name), false, file.Length)
                    : new ArtifactFileInfo(ArtifactPaths.Combine(path, entry.Name), true, null))
                .OrderBy(entry => entry.Path, StringComparer.Ordinal)
                .ToList();
        return Task.FromResult(entries);
    }

    /// <inheritdoc />
    public async Task DownloadAsync(string artifactPath, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var source = Resolve(artifactPath);
        if (!File.Exists(source))
        {
            throw new MlflowNotFoundException($"Artifact '{artifactPath}' does not exist under {RootUri}.");
        }

        var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (input.ConfigureAwait(false))
        {
            await input.CopyToAsync(destination, BufferSize, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string artifactPath, CancellationToken cancellationToken)
    {
        var target = Resolve(artifactPath);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }
        else if (File.Exists(target))
        {
            File.Delete(target);
        }

        return Task.CompletedTask;
    }

    private string Resolve(string artifactPath)
    {
        var normalized = ArtifactPaths.Normalize(artifactPath);
        var full = Path.GetFullPath(normalized.Length == 0 ? _root : Path.Combine(_root, normalized.Replace('/', Path.DirectorySeparatorChar)));

        // Paths are checked by the client already; this keeps a repository used on its own inside its root too.
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(_root));
        if (!full.Equals(root, StringComparison.Ordinal) && !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new MlflowInvalidParameterException($"Artifact path '{artifactPath}' is refused: it would leave the artifact root {RootUri}.");
        }

        return full;
    }
}
