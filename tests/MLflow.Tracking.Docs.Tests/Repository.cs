using System.IO;
using System.Linq;
using System.Reflection;

namespace MLflow.Tracking.Docs.Tests;

/// <summary>The clone this test assembly was built from, and its Markdown pages.</summary>
internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    /// <summary>README.md and the other top-level pages, and every page under docs/, as paths relative to the root.</summary>
    public static string[] MarkdownPages() => Directory.EnumerateFiles(Root, "*.md", SearchOption.TopDirectoryOnly)
        .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories))
        .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
        .Order(System.StringComparer.Ordinal)
        .ToArray();
}
