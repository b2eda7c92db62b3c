using System;
using System.IO;

namespace MLflow.Tracking.Generators.Tests.Infrastructure;

/// <summary>
/// Golden files of generated code in the project's Goldens folder. Set <c>MLFLOW_UPDATE_GOLDENS=1</c> to rewrite
/// them from the current generator output (then review the diff).
/// </summary>
internal static class Goldens
{
    public const string VersionPlaceholder = "<version>";

    public static bool Updating => Environment.GetEnvironmentVariable("MLFLOW_UPDATE_GOLDENS") == "1";

    public static string PathOf(string shape) => Path.Combine(ProjectDirectory(), "Goldens", shape + ".g.cs.txt");

    /// <summary>The generated text with the generator's version replaced, so that a version bump does not break goldens.</summary>
    public static string Normalize(string generated) =>
        generated.Replace("\r\n", "\n").Replace("\"" + Emitting.TrackedMethodEmitter.GeneratorVersion + "\"", "\"" + VersionPlaceholder + "\"");

    private static string ProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MLflow.Tracking.Generators.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MLflow.Tracking.Generators.Tests.csproj was not found above " + AppContext.BaseDirectory);
    }
}
