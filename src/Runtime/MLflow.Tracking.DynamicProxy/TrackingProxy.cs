using System;
using Castle.DynamicProxy;

namespace MLflow.Tracking.DynamicProxy;

/// <summary>
/// Tracks calls of an interface at run time, for code that cannot be made <c>partial</c> (another assembly, an
/// existing class library): every method marked <see cref="TrackedRunAttribute"/> on the interface or on the
/// implementation becomes an MLflow run, exactly as the source generator's wrapper would make it.
/// </summary>
/// <example>
/// <code>
/// IPredictionService tracked = TrackingProxy.Create&lt;IPredictionService&gt;(new PredictionService());
/// tracked.Predict(features);   // one run per call
/// </code>
/// </example>
public static class TrackingProxy
{
    // Castle caches the proxy types it emits per generator: one generator for the process.
    private static readonly ProxyGenerator Generator = new();

    /// <summary>Wraps <paramref name="implementation"/> in a proxy of <typeparamref name="T"/> that tracks its calls.</summary>
    /// <typeparam name="T">An interface type (public, or visible to Castle's <c>DynamicProxyGenAssembly2</c>).</typeparam>
    /// <param name="implementation">The object whose calls are tracked.</param>
    /// <param name="tracker">The tracker to use; when null, <see cref="MlflowTracking.Tracker"/> at the time of each call.</param>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an interface.</exception>
    public static T Create<T>(T implementation, IRunTracker? tracker = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(implementation);
        if (!typeof(T).IsInterface)
        {
            throw new ArgumentException($"TrackingProxy.Create needs an interface type, but {typeof(T).FullName} is not one. Track classes with [TrackedRun] partial methods instead.", nameof(implementation));
        }

        return Generator.CreateInterfaceProxyWithTarget(implementation, new TrackingInterceptor(tracker));
    }
}
