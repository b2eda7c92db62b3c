using System;
using System.IO;
using System.Linq;
using MLflow.Tracking.Shared;

namespace MLflow.Tracking.Artifacts;

/// <summary>
/// Artifact paths are checked before anything is sent or written: relative to the run's artifact root,
/// '/'-separated, never climbing out of it (MLflow's server refuses such paths with HTTP 400 "Invalid path"; a local
/// root would be written outside the run).
/// </summary>
internal static class ArtifactPaths
{
    /// <summary>
    /// The normalized form of <paramref name="path"/> ("" for null, empty or "/"-only is refused): trailing '/' removed.
    /// </summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="what">What the path is, for the message (such as <c>artifact path</c>).</param>
    /// <exception cref="MlflowInvalidParameterException">The path breaks a rule; the message names the path and the rule.</exception>
    public static string Normalize(string? path, string what = "Artifact path")
    {
        // The one rule, shared with the analyzers (MLFLOW011) so that a [LogArtifact] path they accept is one this accepts.
        var rule = ArtifactRules.CheckPath(path, out var normalized);
        return rule is null ? normalized : throw new MlflowInvalidParameterException($"{what} '{path}' is refused: {rule}.");
    }

    /// <summary>A validated file name (one segment) from the local file system.</summary>
    public static string FileName(string localPath)
    {
        var name = Path.GetFileName(localPath);
        var normalized = Normalize(name, "Artifact file name");
        if (normalized.Length == 0 || normalized.Contains('/', StringComparison.Ordinal))
        {
            throw new MlflowInvalidParameterException($"Artifact file name '{name}' of '{localPath}' is refused: it must be one non-empty path segment.");
        }

        return normalized;
    }

    /// <summary><paramref name="directory"/>/<paramref name="name"/>, or <paramref name="name"/> at the root.</summary>
    public static string Combine(string directory, string name) =>
        directory.Length == 0 ? name : name.Length == 0 ? directory : directory + "/" + name;

    /// <summary>Each segment percent-encoded (UTF-8, RFC 3986 unreserved characters kept), '/' kept: <c>r%C3%A9sum%C3%A9%20final.txt</c>.</summary>
    public static string Escape(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
