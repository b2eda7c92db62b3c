using System;

namespace MLflow.Tracking.Spool;

/// <summary>
/// A spool file this process has claimed by renaming it to <c>&lt;stem&gt;.json.&lt;expiry&gt;.lock</c>. Another
/// process skips it until the expiry passes, so a crashed holder's files come back on their own.
/// </summary>
internal sealed class SpoolLease
{
    public SpoolLease(string stem, string path, DateTime expiresUtc, SpoolFile content)
    {
        Stem = stem;
        Path = path;
        ExpiresUtc = expiresUtc;
        Content = content;
    }

    /// <summary>The file's name without extension: its place in the replay order.</summary>
    public string Stem { get; }

    /// <summary>The lock file's current path.</summary>
    public string Path { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public SpoolFile Content { get; }

    /// <summary>Runs of the file still in the work list; the file is deleted when none is left.</summary>
    public int Outstanding { get; set; }

    /// <summary>The file's runs as read back into the work list (their server ids once delivered).</summary>
    public System.Collections.Generic.IReadOnlyList<Pipeline.TrackedRun> Runs { get; set; } = [];

    /// <summary>How many spool files were written back for runs of this file (names of re-spooled parts).</summary>
    public int Respooled { get; set; }
}
