using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace MLflow.Tracking.Tests.TestSupport;

/// <summary>Finds ../shared/mlflow-reference: databases and transcripts recorded from real MLflow servers.</summary>
internal static class ReferenceData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Directory => Root.Value;

    public static string Database(string fileName) => Path.Combine(Directory, "databases", fileName);

    public static string SchemaFile(string fileName) => Path.Combine(Directory, "databases", fileName);

    /// <summary>The parsed transcript whose file name starts with <paramref name="number"/> in <paramref name="folder"/>.</summary>
    public static JsonElement Transcript(string folder, string number)
    {
        var dir = Path.Combine(Directory, "transcripts", folder);
        var file = System.IO.Directory.GetFiles(dir, number + "-*.json").Single();
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.Clone();
    }

    private static string FindRoot()
    {
        var fromMetadata = typeof(ReferenceData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "MlflowReferenceDirectory")?.Value;
        if (fromMetadata is not null && System.IO.Directory.Exists(fromMetadata))
        {
            return fromMetadata;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "mlflow-reference");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("shared/mlflow-reference was not found next to the repository.");
    }
}
