using System;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Pipeline;

/// <summary>Log events of queued artifacts and dataset inputs (event ids 1260–1269 of the tracker's range).</summary>
internal static partial class AttachmentLog
{
    [LoggerMessage(EventId = 1260, Level = LogLevel.Error, Message = "The artifact {Artifact} of run {RunId} was not uploaded: the local path '{LocalPath}' does not exist or cannot be read ({ErrorType}). The rest of the run is kept.")]
    public static partial void LocalPathMissing(ILogger logger, string artifact, string runId, string localPath, string errorType);

    [LoggerMessage(EventId = 1261, Level = LogLevel.Error, Message = "The {Artifact} of run {RunId} was refused ({ErrorCode}: {Message}); it was dropped, the rest of the run is kept.")]
    public static partial void Refused(ILogger logger, string artifact, string runId, string errorCode, string message);
}
