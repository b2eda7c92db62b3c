using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace MLflow.Tracking.Spool;

/// <summary>
/// The durable local spool of one store: a folder of JSON files, each written as <c>.tmp</c> and renamed into place
/// (so a reader never sees half a file), replayed in name order and claimed by renaming to a <c>.lock</c> name that
/// carries the lease's expiry (as the Azure Monitor exporter's offline storage does). Two processes never hold one
/// file: <see cref="File.Move(string, string)"/> of the same source succeeds for one of them only.
/// </summary>
internal sealed class RunSpool
{
    private const string Extension = ".json";
    private const string LockExtension = ".lock";
    private const string TempExtension = ".tmp";
    private const string CorruptExtension = ".corrupt";
    private const string IdsFolder = "ids";

    private static readonly TimeSpan StaleIdAge = TimeSpan.FromDays(30);
    private static long _sequence;

    private readonly long _maxBytes;
    private readonly string _storeDescription;

    public RunSpool(string directory, long maxBytes, string storeDescription, TimeSpan? leaseDuration = null)
    {
        Directory = directory;
        _maxBytes = maxBytes;
        _storeDescription = storeDescription;
        LeaseDuration = leaseDuration ?? TimeSpan.FromMinutes(2);
    }

    /// <summary>The folder of this store's spool.</summary>
    public string Directory { get; }

    public TimeSpan LeaseDuration { get; }

    /// <summary>Where spools live unless <see cref="MlflowOptions.SpoolDirectory"/> says otherwise: the user's local application data.</summary>
    public static string DefaultRoot
    {
        get
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return Path.Combine(string.IsNullOrEmpty(local) ? Path.GetTempPath() : local, "MLflow.Tracking", "spool");
        }
    }

    /// <summary>The spool folder of the store <paramref name="storeDescription"/> names: a hash, so no URI or path (and no credential) appears in it.</summary>
    public static string DirectoryFor(string? root, string storeDescription)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(storeDescription));
        return Path.Combine(root ?? DefaultRoot, Convert.ToHexString(hash.AsSpan(0, 8)).ToLowerInvariant());
    }

    /// <summary>A new name that sorts after every file this process wrote before.</summary>
    public static string NewStem() => string.Create(
        CultureInfo.InvariantCulture,
        $"{DateTime.UtcNow.Ticks:D19}-{Environment.ProcessId:D7}-{Interlocked.Increment(ref _sequence):D6}");

    /// <summary>Spool files waiting (claimed ones included).</summary>
    public int CountFiles()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        var count = 0;
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory))
        {
            if (path.EndsWith(Extension, StringComparison.Ordinal) || path.EndsWith(LockExtension, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Bytes the spool's files take.</summary>
    public long CurrentSize()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        long size = 0;
        foreach (var file in new DirectoryInfo(Directory).EnumerateFiles())
        {
            size += file.Length;
        }

        return size;
    }

    /// <summary>
    /// Writes <paramref name="file"/> durably; false (nothing written) when it would take the spool past its size
    /// limit. <paramref name="stem"/> places a file written back for a claimed one at that file's place in the order.
    /// </summary>
    public bool TryWrite(SpoolFile file, string? stem = null)
    {
        file.Store = _storeDescription;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(file, SpoolJsonContext.Default.SpoolFile);
        if (CurrentSize() + bytes.Length > _maxBytes)
        {
            return false;
        }

        System.IO.Directory.CreateDirectory(Directory);
        var name = stem ?? NewStem();
        var temp = Path.Combine(Directory, name + "-" + Guid.NewGuid().ToString("N") + TempExtension);
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(Directory, name + Extension));
        return true;
    }

    /// <summary>
    /// Claims the first file in order that no live lease holds (a free file, or one whose holder's lease expired),
    /// skipping the stems in <paramref name="skip"/>. Null when there is none.
    /// </summary>
    public SpoolLease? TryClaim(ISet<string>? skip, Action<string, Exception>? onCorrupt)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return null;
        }

        var names = new List<string>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory))
        {
            names.Add(Path.GetFileName(path));
        }

        names.Sort(StringComparer.Ordinal);
        var now = DateTime.UtcNow;
        foreach (var name in names)
        {
            string stem;
            if (name.EndsWith(Extension, StringComparison.Ordinal))
            {
                stem = name[..^Extension.Length];
            }
            else if (name.EndsWith(LockExtension, StringComparison.Ordinal) && TryParseLock(name, out stem, out var expiry))
            {
                if (expiry > now)
                {
                    continue;
                }
            }
            else
            {
                DeleteIfStaleTemp(name, now);
                continue;
            }

            if (skip is not null && skip.Contains(stem))
            {
                continue;
            }

            var expires = now + LeaseDuration;
            var lockPath = LockPath(stem, expires);
            try
            {
                File.Move(Path.Combine(Directory, name), lockPath);
            }
            catch (IOException)
            {
                continue; // another process claimed (or finished) it first
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            SpoolFile? content;
            try
            {
                content = JsonSerializer.Deserialize(File.ReadAllBytes(lockPath), SpoolJsonContext.Default.SpoolFile);
                if (content is null || content.Version > SpoolFile.CurrentVersion)
                {
                    throw new JsonException($"spool format version {content?.Version} is newer than this release reads ({SpoolFile.CurrentVersion})");
                }
            }
            catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException)
            {
                // Kept beside the spool for a person to look at, never replayed half-understood.
                TryMove(lockPath, Path.Combine(Directory, stem + CorruptExtension));
                onCorrupt?.Invoke(stem, ex);
                continue;
            }

            return new SpoolLease(stem, lockPath, expires, content);
        }

        return null;
    }

    /// <summary>Extends the lease once half of it has passed; false when another process took the file over (the lease had expired).</summary>
    public bool Renew(SpoolLease lease)
    {
        var now = DateTime.UtcNow;
        if (lease.ExpiresUtc - now > LeaseDuration / 2)
        {
            return true;
        }

        var expires = now + LeaseDuration;
        var path = LockPath(lease.Stem, expires);
        if (!TryMove(lease.Path, path))
        {
            return false;
        }

        lease.Path = path;
        lease.ExpiresUtc = expires;
        return true;
    }

    /// <summary>Everything of the file is settled (delivered, written back or refused): it goes.</summary>
    public void Complete(SpoolLease lease)
    {
        try
        {
            File.Delete(lease.Path);
        }
        catch (IOException)
        {
            // Already gone; the lease has nothing left to protect.
        }
    }

    /// <summary>Gives the file back unchanged (it waits for a parent run another process holds).</summary>
    public void Release(SpoolLease lease) => TryMove(lease.Path, Path.Combine(Directory, lease.Stem + Extension));

    /// <summary>Remembers the server id of a spooled run, so that later parts of it (and its children) find it.</summary>
    public void RecordRunId(string key, string runId)
    {
        var ids = Path.Combine(Directory, IdsFolder);
        System.IO.Directory.CreateDirectory(ids);
        var temp = Path.Combine(ids, key + "-" + Guid.NewGuid().ToString("N") + TempExtension);
        File.WriteAllText(temp, runId);
        File.Move(temp, Path.Combine(ids, key), overwrite: true);
    }

    /// <summary>The server id a replay gave the spooled run <paramref name="key"/>, or null.</summary>
    public string? LookupRunId(string key)
    {
        var path = Path.Combine(Directory, IdsFolder, key);
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Forgets run ids no spool file can still need (older than 30 days).</summary>
    public void PruneIds()
    {
        var ids = new DirectoryInfo(Path.Combine(Directory, IdsFolder));
        if (!ids.Exists)
        {
            return;
        }

        var limit = DateTime.UtcNow - StaleIdAge;
        foreach (var file in ids.EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < limit)
            {
                try
                {
                    file.Delete();
                }
                catch (IOException)
                {
                    // Another process prunes too.
                }
            }
        }
    }

    private static bool TryParseLock(string name, out string stem, out DateTime expiresUtc)
    {
        // <stem>.json.<ticks>.lock
        stem = "";
        expiresUtc = default;
        var withoutLock = name[..^LockExtension.Length];
        var dot = withoutLock.LastIndexOf('.');
        if (dot < 0 || !long.TryParse(withoutLock.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        var json = withoutLock[..dot];
        if (!json.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        stem = json[..^Extension.Length];
        expiresUtc = new DateTime(Math.Clamp(ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
        return true;
    }

    private static bool TryMove(string from, string to)
    {
        try
        {
            File.Move(from, to);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private string LockPath(string stem, DateTime expiresUtc) =>
        Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"{stem}{Extension}.{expiresUtc.Ticks}{LockExtension}"));

    private void DeleteIfStaleTemp(string name, DateTime now)
    {
        // A .tmp left by a process killed while writing: its content never counted as spooled.
        if (!name.EndsWith(TempExtension, StringComparison.Ordinal))
        {
            return;
        }

        var path = Path.Combine(Directory, name);
        try
        {
            if (now - File.GetLastWriteTimeUtc(path) > LeaseDuration)
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
            // Someone else cleaned it.
        }
    }
}
