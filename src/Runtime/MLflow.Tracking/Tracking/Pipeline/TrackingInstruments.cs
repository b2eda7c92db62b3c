using System.Diagnostics.Metrics;

namespace MLflow.Tracking.Pipeline;

/// <summary>The <c>MLflow.Tracking</c> meter's instruments, shared by every tracker of the process.</summary>
internal static class TrackingInstruments
{
    /// <summary>The meter name, for <c>AddMeter</c> in OpenTelemetry or <c>dotnet-counters</c>.</summary>
    public const string MeterName = "MLflow.Tracking";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> RunsStarted = Meter.CreateCounter<long>("mlflow.tracking.runs.started", "{run}", "Tracked runs begun.");

    public static readonly Counter<long> RunsFinished = Meter.CreateCounter<long>("mlflow.tracking.runs.finished", "{run}", "Tracked runs ended.");

    public static readonly Counter<long> OperationsDelivered = Meter.CreateCounter<long>("mlflow.tracking.operations.delivered", "{operation}", "Run operations the store accepted.");

    public static readonly Counter<long> OperationsDropped = Meter.CreateCounter<long>("mlflow.tracking.operations.dropped", "{operation}", "Run operations given up on.");

    public static readonly Counter<long> DeliveryFailures = Meter.CreateCounter<long>("mlflow.tracking.delivery.failures", "{call}", "Store calls that failed.");
}
