using System;
using System.IO;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>Artifact locations as MLflow's SQL store writes them for a local root.</summary>
internal static class SqliteArtifacts
{
    /// <summary>
    /// MLflow's default root for a SQLite backend without <c>--default-artifact-root</c>: <c>./mlruns</c> resolved to an
    /// absolute path (a posix path; a <c>file:///</c> URI on Windows). Here it sits next to the database file, which
    /// is the current folder for the default <c>sqlite:///mlflow.db</c>.
    /// </summary>
    public static string DefaultRoot(string databasePath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? Directory.GetCurrentDirectory();
        var root = Path.Combine(directory, "mlruns");
        return OperatingSystem.IsWindows() ? new Uri(root).AbsoluteUri : root;
    }

    /// <summary>An experiment's location: <c>root/id</c> (MLflow's append_to_uri_path).</summary>
    public static string ExperimentLocation(string root, string experimentId) => Append(root, experimentId);

    /// <summary>A run's artifact URI: <c>experiment location/run id/artifacts</c>.</summary>
    public static string RunUri(string experimentLocation, string runId) => Append(Append(experimentLocation, runId), "artifacts");

    private static string Append(string root, string part) => root.EndsWith('/') ? root + part : root + "/" + part;
}
