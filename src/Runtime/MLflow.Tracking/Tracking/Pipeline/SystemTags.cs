using System;
using System.Reflection;

namespace MLflow.Tracking.Pipeline;

/// <summary>MLflow's system tags that describe where a run comes from, computed once per process.</summary>
internal static class SystemTags
{
    public const string RunName = "mlflow.runName";
    public const string User = "mlflow.user";
    public const string SourceName = "mlflow.source.name";
    public const string SourceType = "mlflow.source.type";
    public const string GitCommit = "mlflow.source.git.commit";
    public const string ParentRunId = "mlflow.parentRunId";
    public const string LocalSource = "LOCAL";

    /// <summary>
    /// The pipeline's idempotency key of a run (see <see cref="RunKey"/>). Not under <c>mlflow.</c>: that namespace is
    /// MLflow's own (<see cref="ReservedTagKeys"/>), and a key MLflow never sets cannot collide with a future system tag.
    /// </summary>
    public const string RunKey = "dotnet.tracking.run_key";

    private static readonly Lazy<string> LazyUserName = new(ReadUserName);
    private static readonly Lazy<string?> LazyGitCommit = new(ReadGitCommit);

    /// <summary>The OS user running the process.</summary>
    public static string UserName => LazyUserName.Value;

    /// <summary>The commit in the entry assembly's informational version (<c>1.2.3+abc1234</c>), or null.</summary>
    public static string? GitCommitOfEntryAssembly => LazyGitCommit.Value;

    /// <summary>The commit part of an informational version, when it looks like a git sha.</summary>
    internal static string? ParseCommit(string? informationalVersion)
    {
        if (informationalVersion is null)
        {
            return null;
        }

        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            return null;
        }

        var sha = informationalVersion[(plus + 1)..];
        if (sha.Length is < 7 or > 40)
        {
            return null;
        }

        foreach (var c in sha)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return null;
            }
        }

        return sha;
    }

    private static string ReadUserName()
    {
        try
        {
            return Environment.UserName;
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
        catch (PlatformNotSupportedException)
        {
            return "unknown";
        }
    }

    private static string? ReadGitCommit() =>
        ParseCommit(Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
}
