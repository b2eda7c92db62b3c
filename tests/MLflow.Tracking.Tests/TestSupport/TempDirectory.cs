using System;
using System.IO;
using Microsoft.Data.Sqlite;

namespace MLflow.Tracking.Tests.TestSupport;

/// <summary>A unique folder under the temp path, deleted (with its SQLite files) on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlflow-tracking-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies a reference database here, so tests never change the original.</summary>
    public string CopyReferenceDatabase(string fileName)
    {
        var target = File(fileName);
        System.IO.File.Copy(ReferenceData.Database(fileName), target);
        return target;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the temp folder is cleaned by the OS eventually.
        }
    }
}
