using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace MLflow.Tracking.TestSupport;

/// <summary>
/// Finds the MLflow reference data (<c>shared/mlflow-reference</c>, a sibling of the repository): from the calling
/// test assembly's <c>MlflowReferenceDirectory</c> metadata, else by walking up from
/// <see cref="AppContext.BaseDirectory"/> to the folder holding <c>MLflow.Tracking.sln</c> and taking
/// <c>../shared/mlflow-reference</c>.
/// </summary>
public static class MlflowReference
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>The reference directory.</summary>
    public static string Directory => Root.Value;

    /// <summary>The MLflow 3.5 SQLite transcripts.</summary>
    public static string Transcripts35 => Path.Combine(Directory, "transcripts", "mlflow-3.5-sqlite");

    /// <summary>The MLflow 3.5.1 artifacts-proxy and dataset-inputs transcripts.</summary>
    public static string ArtifactsTranscripts => Path.Combine(Directory, "transcripts", "mlflow-3.5.1-artifacts-inputs");

    /// <summary>A path inside the reference directory.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Directory, .. parts]);

    /// <summary>The repository root (the folder that holds <c>MLflow.Tracking.sln</c>), or null.</summary>
    public static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MLflow.Tracking.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string Locate()
    {
        var repo = FindRepositoryRoot();
        if (repo is not null)
        {
            var sibling = Path.GetFullPath(Path.Combine(repo, "..", "shared", "mlflow-reference"));
            if (System.IO.Directory.Exists(sibling))
            {
                return sibling;
            }
        }

        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var value = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "MlflowReferenceDirectory")?.Value;
            if (!string.IsNullOrEmpty(value) && System.IO.Directory.Exists(value))
            {
                return value;
            }
        }

        throw new DirectoryNotFoundException("shared/mlflow-reference was not found next to the repository (walked up from " + AppContext.BaseDirectory + ").");
    }
}
