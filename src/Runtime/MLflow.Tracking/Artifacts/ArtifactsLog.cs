using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Artifacts;

/// <summary>Source-generated log messages of artifact transfers. Paths and sizes only, never contents.</summary>
internal static partial class ArtifactsLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Artifact directory {Directory}: {Entry} is a symbolic link to {Target}, outside the directory; it is not uploaded.")]
    public static partial void SymlinkOutsideSkipped(ILogger logger, string directory, string entry, string target);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Artifact directory {Directory}: {Entry} is a symbolic link to a directory; it is not followed.")]
    public static partial void SymlinkDirectorySkipped(ILogger logger, string directory, string entry);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Uploading artifact {ArtifactPath} of run {RunId} ({Bytes} bytes).")]
    public static partial void UploadingLarge(ILogger logger, string artifactPath, string runId, long bytes);
}
