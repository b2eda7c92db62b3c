using System;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.SystemMetrics;

/// <summary>Source-generated log messages of the system metrics sampler.</summary>
internal static partial class SystemMetricsLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "System metrics for step {Step} could not be logged; sampling goes on.")]
    public static partial void SinkFailed(ILogger logger, long step, Exception exception);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "System metrics sampling started: every {IntervalSeconds} s, {Samples} sample(s) per logged point, keys under {Prefix}.")]
    public static partial void Started(ILogger logger, double intervalSeconds, int samples, string prefix);
}
