namespace MLflow.Tracking.Generators;

/// <summary>Names of the generator's pipeline steps, for incremental-caching tests.</summary>
internal static class TrackingNames
{
    /// <summary>Each <c>[TrackedRun]</c> method parsed into its model, or into the diagnostics saying why it cannot be implemented.</summary>
    public const string TrackedMethods = nameof(TrackedMethods);

    /// <summary>The models that will be emitted.</summary>
    public const string ImplementableMethods = nameof(ImplementableMethods);

    /// <summary>The diagnostics of each method (empty for implementable ones).</summary>
    public const string MethodDiagnostics = nameof(MethodDiagnostics);
}
