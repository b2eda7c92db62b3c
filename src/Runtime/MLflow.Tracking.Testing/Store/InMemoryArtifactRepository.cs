using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Artifacts;

namespace MLflow.Tracking.Testing;

/// <summary>A run's <c>memory://</c> artifact root, kept as bytes in the store's shared file table.</summary>
internal sealed class InMemoryArtifactRepository : IArtifactRepository
{
    private readonly ConcurrentDictionary<string, byte[]> _files;

    public InMemoryArtifactRepository(string rootUri, ConcurrentDictionary<string, byte[]> files)
    {
        RootUri = rootUri.TrimEnd('/');
        _files = files;
    }

    public string RootUri { get; }

    public async Task UploadAsync(Stream content, string artifactPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        _files[Key(artifactPath)] = buffer.ToArray();
    }

    public Task<IReadOnlyList<ArtifactFileInfo>> ListAsync(string path, CancellationToken cancellationToken)
    {
        var prefix = path.Length == 0 ? RootUri + "/" : Key(path) + "/";
        var entries = new SortedDictionary<string, ArtifactFileInfo>(StringComparer.Ordinal);
        foreach (var (key, bytes) in _files)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key.Substring(prefix.Length);
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var name = slash < 0 ? rest : rest.Substring(0, slash);
            var childPath = path.Length == 0 ? name : path + "/" + name;
            entries[childPath] = slash < 0 ? new ArtifactFileInfo(childPath, false, bytes.LongLength) : new ArtifactFileInfo(childPath, true, null);
        }

        return Task.FromResult<IReadOnlyList<ArtifactFileInfo>>(entries.Values.ToList());
    }

    public async Task DownloadAsync(string artifactPath, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!_files.TryGetValue(Key(artifactPath), out var bytes))
        {
            throw new MlflowNotFoundException($"Artifact '{artifactPath}' does not exist under {RootUri}.");
        }

        await destination.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteAsync(string artifactPath, CancellationToken cancellationToken)
    {
        var key = Key(artifactPath);
        foreach (var existing in _files.Keys)
        {
            if (existing == key || existing.StartsWith(key + "/", StringComparison.Ordinal))
            {
                _files.TryRemove(existing, out _);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The files under this root by artifact path.</summary>
    public IReadOnlyDictionary<string, byte[]> Snapshot()
    {
        var prefix = RootUri + "/";
        return _files.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(f => f.Key.Substring(prefix.Length), f => f.Value, StringComparer.Ordinal);
    }

    private string Key(string artifactPath) => RootUri + "/" + artifactPath;
}
