namespace MLflow.Tracking;

/// <summary>
/// A snapshot of what a <see cref="BackgroundRunTracker"/> has done, for tests and health checks. The same counts are
/// published as instruments of the <c>MLflow.Tracking</c> meter. At any quiet moment
/// <c>OperationsQueued + OperationsRestored = OperationsDelivered + OperationsSpooled + OperationsDropped + PendingOperations</c>.
/// </summary>
/// <param name="RunsStarted">Tracked runs begun (including calls that log into <c>MLFLOW_RUN_ID</c>).</param>
/// <param name="RunsFinished">Tracked runs ended, with any status.</param>
/// <param name="OperationsQueued">Run operations accepted (run creation, metrics, params, tags, termination).</param>
/// <param name="OperationsDelivered">Operations the store accepted (including those replayed from the spool).</param>
/// <param name="OperationsDropped">Operations refused: by the store (invalid data), by a full spool, or after disposal.</param>
/// <param name="DeliveryFailures">Store calls that failed (each transient failure is retried; it counts once per attempt).</param>
/// <param name="PendingOperations">Operations accepted and neither delivered, spooled nor refused yet.</param>
/// <param name="OperationsSpooled">Operations written to the local spool for later delivery.</param>
/// <param name="OperationsRestored">Operations read back from the spool for delivery.</param>
public sealed record RunTrackerStatistics(
    long RunsStarted,
    long RunsFinished,
    long OperationsQueued,
    long OperationsDelivered,
    long OperationsDropped,
    long DeliveryFailures,
    long PendingOperations,
    long OperationsSpooled = 0,
    long OperationsRestored = 0);
