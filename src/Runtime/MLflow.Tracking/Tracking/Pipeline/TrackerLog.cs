using System;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Pipeline;

/// <summary>The tracker's log events (source-generated, so a disabled level costs nothing). Event ids 1200–1299.</summary>
internal static partial class TrackerLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "MLflow tracking is disabled: {Reason}")]
    public static partial void TrackingDisabled(ILogger logger, string reason);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "The MLflow tracking store could not be opened ({Options}); run data is spooled until it can.")]
    public static partial void StoreOpenFailed(ILogger logger, Exception exception, string options);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "The MLflow tracking store {Store} is unreachable ({Error}); run data is kept, spooled to disk when it cannot wait, and delivered when the store answers.")]
    public static partial void StoreUnreachable(ILogger logger, string store, string error);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Debug, Message = "The MLflow tracking store {Store} is still unreachable.")]
    public static partial void StoreStillUnreachable(ILogger logger, string store);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "The MLflow tracking store {Store} answers again; delivery resumes.")]
    public static partial void StoreAnswersAgain(ILogger logger, string store);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Error, Message = "MLflow could not create the run {RunName} of {Source}; its data is dropped.")]
    public static partial void CreateRefused(ILogger logger, Exception exception, string runName, string source);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Error, Message = "MLflow refused to end run {RunId} as {Status}; the run stays RUNNING.")]
    public static partial void EndRefused(ILogger logger, Exception exception, string runId, RunStatus status);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "MLflow refused metric '{Key}' of run {RunId} ({ErrorCode}: {Message}); it was dropped.")]
    public static partial void MetricRefused(ILogger logger, string key, string runId, string errorCode, string message);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Warning, Message = "MLflow refused {Kind} '{Key}' of run {RunId} ({ErrorCode}); it was dropped.")]
    public static partial void ItemRefused(ILogger logger, string kind, string key, string runId, string errorCode);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning, Message = "MLflow tracking spooled {Operations} run operations of {Runs} runs to {Directory} ({Reason}); the next tracker for this store delivers them.")]
    public static partial void Spooled(ILogger logger, long operations, int runs, string directory, string reason);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Error, Message = "The MLflow tracking spool {Directory} is full ({MaxBytes} bytes, MlflowOptions.MaxSpoolSize); {Operations} run operations of {Runs} whole runs were dropped.")]
    public static partial void SpoolFull(ILogger logger, string directory, long maxBytes, long operations, int runs);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Error, Message = "Writing the MLflow tracking spool {Directory} failed; {Operations} run operations were dropped.")]
    public static partial void SpoolWriteFailed(ILogger logger, Exception exception, string directory, long operations);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Error, Message = "The MLflow tracking spool file {Stem} in {Directory} cannot be read ({Error}); it was renamed to .corrupt and is not replayed.")]
    public static partial void SpoolFileCorrupt(ILogger logger, string stem, string directory, string error);

    [LoggerMessage(EventId = 1214, Level = LogLevel.Information, Message = "MLflow tracking replays spool file {Stem} ({Runs} runs, {Operations} operations) from {Directory}.")]
    public static partial void Replaying(ILogger logger, string stem, int runs, long operations, string directory);

    [LoggerMessage(EventId = 1215, Level = LogLevel.Warning, Message = "The lease on MLflow tracking spool file {Stem} expired and another process took it over.")]
    public static partial void LeaseLost(ILogger logger, string stem);

    [LoggerMessage(EventId = 1216, Level = LogLevel.Error, Message = "Reading the MLflow tracking spool {Directory} failed.")]
    public static partial void SpoolReadFailed(ILogger logger, Exception exception, string directory);

    [LoggerMessage(EventId = 1220, Level = LogLevel.Warning, Message = "MLflow flush reached its deadline ({Seconds} s): {Delivered} operations delivered, {Spooled} spooled, {Refused} refused, {Pending} still pending.")]
    public static partial void FlushTimedOut(ILogger logger, double seconds, long delivered, long spooled, long refused, long pending);

    [LoggerMessage(EventId = 1221, Level = LogLevel.Error, Message = "MLflow tracking stopped with {Pending} run operations neither delivered nor spooled; they are lost.")]
    public static partial void LeftUndelivered(ILogger logger, long pending);

    [LoggerMessage(EventId = 1222, Level = LogLevel.Error, Message = "The MLflow tracking worker failed unexpectedly; it retries shortly.")]
    public static partial void WorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1223, Level = LogLevel.Warning, Message = "Closing the MLflow tracking store failed.")]
    public static partial void CloseFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1224, Level = LogLevel.Error, Message = "An unhandled {ErrorType} ends the process: open MLflow runs ending FAILED: {Runs}; run data is flushed or spooled within {Seconds} s.")]
    public static partial void Crashing(ILogger logger, string errorType, int runs, double seconds);

    [LoggerMessage(EventId = 1226, Level = LogLevel.Warning, Message = "Reading the value of '{Key}' for run {RunName} of {Source} threw {ErrorType}; it is not logged and the call goes on.")]
    public static partial void ValueReadFailed(ILogger logger, string key, string runName, string source, string errorType);

    [LoggerMessage(EventId = 1227, Level = LogLevel.Warning, Message = "Run tag '{Key}' of {Source} is not set: MLflow reserves tag keys starting with 'mlflow.' for its system tags (MLFLOW009). Its runs are recorded without it; use a key of your own.")]
    public static partial void ReservedTagSkipped(ILogger logger, string key, string source);

    [LoggerMessage(EventId = 1225, Level = LogLevel.Warning, Message = "Flushing MLflow run data at process exit failed.")]
    public static partial void ExitFlushFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1228, Level = LogLevel.Information, Message = "MLflow run {RunName} was already created as {RunId} by a request whose answer was lost; it is not created again.")]
    public static partial void CreationFoundByKey(ILogger logger, string runName, string runId);
}
