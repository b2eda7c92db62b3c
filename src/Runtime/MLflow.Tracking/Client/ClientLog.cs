using Microsoft.Extensions.Logging;

namespace MLflow.Tracking;

/// <summary>Source-generated log messages of the client layer. Values are never logged, only keys and lengths.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Param '{Key}' has a value of {Length} characters; MLflow keeps at most {MaxLength}, so it is truncated.")]
    public static partial void ParamValueTruncated(ILogger logger, string key, int length, int maxLength);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Run tag '{Key}' has a value of {Length} characters; MLflow keeps at most {MaxLength}, so it is truncated.")]
    public static partial void TagValueTruncated(ILogger logger, string key, int length, int maxLength);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Experiment {ExperimentName} was created concurrently; using it.")]
    public static partial void ExperimentCreatedConcurrently(ILogger logger, string experimentName);
}
