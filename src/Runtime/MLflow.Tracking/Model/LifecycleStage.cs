namespace MLflow.Tracking;

/// <summary>Whether an experiment or run is active or (soft-)deleted.</summary>
public enum LifecycleStage
{
    /// <summary>Active.</summary>
    Active = 0,

    /// <summary>Deleted; it can be restored until the store garbage-collects it.</summary>
    Deleted = 1,
}
