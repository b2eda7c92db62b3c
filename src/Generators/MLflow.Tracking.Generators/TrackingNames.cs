namespace MLflow.Tracking.Generators;

/// <summary>Names of the generator's pipeline steps, for incremental-caching tests.</summary>
internal static class TrackingNames
{
    /// <summary>Each <c>[TrackedRun]</c> method parsed into its model (null when it cannot be implemented).</summary>
    public const string TrackedMethods = nameof(TrackedMethods);

    /// <summary>The models that will be emitted.</summary>
    public const string ImplementableMethods = nameof(ImplementableMethods);
}
