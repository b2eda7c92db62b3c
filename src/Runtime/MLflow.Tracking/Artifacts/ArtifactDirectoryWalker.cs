using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Artifacts;

/// <summary>
/// The files of a local directory to upload with their artifact paths, without following symbolic links out of it:
/// a linked file is uploaded only when its target lies inside the directory, a linked directory is never descended
/// (which also rules out cycles), as <c>os.walk</c> in MLflow's <c>log_artifacts</c> does not follow links.
/// </summary>
internal static class ArtifactDirectoryWalker
{
    public static List<(string LocalPath, string ArtifactPath)> Walk(string directory, string artifactPath, ILogger logger)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The artifact directory '{root}' does not exist.");
        }

        var files = new List<(string, string)>();
        Walk(root, root, artifactPath, files, logger);
        files.Sort((a, b) => string.CompareOrdinal(a.Item2, b.Item2));
        return files;
    }

    private static void Walk(string root, string directory, string artifactPath, List<(string, string)> files, ILogger logger)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            var childPath = ArtifactPaths.Combine(artifactPath, ArtifactPaths.FileName(entry.FullName));
            if (entry.LinkTarget is not null)
            {
                if (entry is DirectoryInfo)
                {
                    ArtifactsLog.SymlinkDirectorySkipped(logger, root, entry.FullName);
                    continue;
                }

                var target = entry.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !target.Exists || !IsInside(root, target.FullName))
                {
                    ArtifactsLog.SymlinkOutsideSkipped(logger, root, entry.FullName, target?.FullName ?? entry.LinkTarget);
                    continue;
                }
            }

            if (entry is DirectoryInfo)
            {
                Walk(root, entry.FullName, childPath, files, logger);
            }
            else
            {
                files.Add((entry.FullName, childPath));
            }
        }
    }

    private static bool IsInside(string root, string path)
    {
        var full = Path.GetFullPath(path);
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return full.StartsWith(root + Path.DirectorySeparatorChar, comparison);
    }
}
