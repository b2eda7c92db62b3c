using System;
using System.IO;
using System.Linq;

namespace MLflow.Tracking.Tests.Tracking.Support;

/// <summary>A spool root of its own for one test (deleted afterwards), so no test replays another's runs.</summary>
internal sealed class TempSpool : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mlflow-spool-test-" + Guid.NewGuid().ToString("N"));

    /// <summary>Spool files waiting (free or leased) in every store folder under <see cref="Root"/>.</summary>
    public int FileCount => Directory.Exists(Root)
        ? Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Count(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".lock", StringComparison.Ordinal))
        : 0;

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (IOException)
        {
            // A child process may still hold a file; the OS temp cleaner gets it.
        }
    }
}
