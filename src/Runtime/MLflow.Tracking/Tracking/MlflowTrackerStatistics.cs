namespace MLflow.Tracking;

/// <summary>
/// A snapshot of what a <see cref="MlflowTracker"/> has done, for tests and health checks. The same counts are
/// published as instruments of the <c>MLflow.Tracking</c> meter.
/// </summary>
/// <param name="RunsStarted">Tracked runs begun (including calls that log into <c>MLFLOW_RUN_ID</c>).</param>
/// <param name="RunsFinished">Tracked runs ended, with any status.</param>
/// <param name="OperationsQueued">Run operations accepted (run creation, metrics, params, tags, termination).</param>
/// <param name="OperationsDelivered">Operations the store accepted.</param>
/// <param name="OperationsDropped">Operations given up on: refused by the store, queue overflow, or after disposal.</param>
/// <param name="DeliveryFailures">Store calls that failed (each transient failure is retried; it counts once per attempt).</param>
/// <param name="PendingOperations">Operations accepted and neither delivered nor dropped yet.</param>
public sealed record MlflowTrackerStatistics(
    long RunsStarted,
    long RunsFinished,
    long OperationsQueued,
    long OperationsDelivered,
    long OperationsDropped,
    long DeliveryFailures,
    long PendingOperations);
