using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Stores.Rest;

/// <summary>Source-generated log messages of the REST store.</summary>
internal static partial class RestLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "MLflow request {Method} {Path} failed ({Reason}); retry {Retry} of {MaxRetries} in {DelaySeconds:0.###} s.")]
    public static partial void Retrying(ILogger logger, string method, string path, int retry, int maxRetries, string reason, double delaySeconds);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "MLflow request {Method} {Path} answered HTTP {Status} ({ErrorCode}).")]
    public static partial void RequestFailed(ILogger logger, string method, string path, int status, string errorCode);
}
