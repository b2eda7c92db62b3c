using System;
using MLflow.Tracking;
using MLflow.Tracking.DynamicProxy;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers services whose <see cref="TrackedRunAttribute"/> methods are tracked through a Castle proxy.</summary>
public static class TrackedProxyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TImplementation"/> and exposes it as <typeparamref name="TService"/> through a
    /// tracking proxy. The proxy uses the container's <see cref="IRunTracker"/> (from <c>AddMlflowTracking</c>), or
    /// <see cref="MlflowTracking.Tracker"/> when there is none.
    /// </summary>
    /// <typeparam name="TService">The interface callers resolve.</typeparam>
    /// <typeparam name="TImplementation">The class that does the work.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="lifetime">The lifetime of both registrations (transient by default).</param>
    public static IServiceCollection AddTrackedProxy<TService, TImplementation>(this IServiceCollection services, ServiceLifetime lifetime = ServiceLifetime.Transient)
        where TService : class
        where TImplementation : class, TService
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!typeof(TService).IsInterface)
        {
            throw new ArgumentException($"AddTrackedProxy needs an interface as TService, but {typeof(TService).FullName} is not one.", nameof(services));
        }

        services.TryAdd(new ServiceDescriptor(typeof(TImplementation), typeof(TImplementation), lifetime));
        services.Add(new ServiceDescriptor(
            typeof(TService),
            static provider => TrackingProxy.Create<TService>(provider.GetRequiredService<TImplementation>(), provider.GetService<IRunTracker>()),
            lifetime));
        return services;
    }
}
