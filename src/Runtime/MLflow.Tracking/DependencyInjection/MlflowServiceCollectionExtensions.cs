using System;
using System.Net.Http;
using MLflow.Tracking;
using MLflow.Tracking.DependencyInjection;
using MLflow.Tracking.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers MLflow tracking in a service collection (generic host, <c>WebApplication</c>).</summary>
/// <example>
/// <code>
/// builder.Services.AddMlflowTracking();                                   // "MLflow" section + MLFLOW_* variables
/// builder.Services.AddMlflowTracking(o => o.TrackingUri = "http://localhost:5000");
/// </code>
/// </example>
public static class MlflowServiceCollectionExtensions
{
    /// <summary>
    /// Adds MLflow tracking configured from the container's <see cref="IConfiguration"/> section <c>MLflow</c>, then
    /// MLflow's environment variables (<c>MLFLOW_TRACKING_URI</c> …), which win as they do for MLflow's own client.
    /// Registers validated <see cref="MlflowOptions"/>, the named <see cref="HttpClient"/> <c>"MLflow"</c>,
    /// <see cref="MlflowStore"/>, <see cref="MlflowClient"/>, <see cref="IRunTracker"/> (<see cref="BackgroundRunTracker"/>)
    /// and a hosted service that makes the tracker ambient at start and flushes it at stop.
    /// </summary>
    public static IServiceCollection AddMlflowTracking(this IServiceCollection services) =>
        AddMlflowTracking(services, Environment.GetEnvironmentVariable);

    /// <summary>
    /// Adds MLflow tracking bound from <paramref name="configuration"/>: the <c>MLflow</c> section itself, or a
    /// configuration root (such as <c>builder.Configuration</c>), whose <c>MLflow</c> section is then used.
    /// Environment variables are not read; see <see cref="AddMlflowTracking(IServiceCollection)"/>.
    /// </summary>
    public static IServiceCollection AddMlflowTracking(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration is IConfigurationRoot root ? root.GetSection(MlflowOptions.SectionName) : configuration;
        services.AddOptions<MlflowOptions>().Configure(options => section.Bind(options));
        return AddCore(services);
    }

    /// <summary>
    /// Adds MLflow tracking with options from MLflow's environment variables, then adjusted by
    /// <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddMlflowTracking(this IServiceCollection services, Action<MlflowOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MlflowOptions>().Configure(options =>
        {
            options.ApplyEnvironment(Environment.GetEnvironmentVariable);
            configure(options);
        });
        return AddCore(services);
    }

    /// <summary>The parameterless overload with a replaceable environment (tests).</summary>
    internal static IServiceCollection AddMlflowTracking(this IServiceCollection services, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(getVariable);
        services.AddOptions<MlflowOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            if (provider.GetService<IConfiguration>() is { } configuration)
            {
                configuration.GetSection(MlflowOptions.SectionName).Bind(options);
            }

            options.ApplyEnvironment(getVariable);
        });
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.AddOptions<MlflowOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MlflowOptions>, MlflowOptionsValidator>());
        if (!services.Contains(MarkerDescriptor))
        {
            services.Add(MarkerDescriptor);
            MlflowHttpClientRegistration.AddMlflowHttpClient(services);
        }

        services.TryAddSingleton(CreateStore);
        services.TryAddSingleton(static provider => new MlflowClient(provider.GetRequiredService<MlflowStore>(), LoggerFactoryOf(provider)));
        services.TryAddSingleton(CreateTracker);
        services.TryAddSingleton<IRunTracker>(static provider => provider.GetRequiredService<BackgroundRunTracker>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MlflowTrackingHostedService>());
        return services;
    }

    private static readonly ServiceDescriptor MarkerDescriptor = ServiceDescriptor.Singleton<MlflowTrackingMarker, MlflowTrackingMarker>();

    private static MlflowStore CreateStore(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<MlflowOptions>>().Value;
        var http = TrackingUri.Parse(options.TrackingUri).Kind == TrackingStoreKind.Http
            ? provider.GetRequiredService<IHttpClientFactory>().CreateClient(MlflowHttpClientRegistration.ClientName)
            : null;
        return MlflowStoreFactory.Create(options, LoggerFactoryOf(provider), http);
    }

    private static BackgroundRunTracker CreateTracker(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<MlflowOptions>>().Value;
        return new BackgroundRunTracker(provider.GetRequiredService<MlflowClient>(), options, LoggerFactoryOf(provider));
    }

    // The host's logging when it has any; otherwise standard error once per cause, as for a client built by hand.
    private static ILoggerFactory LoggerFactoryOf(IServiceProvider provider) =>
        MLflow.Tracking.Logging.DefaultLogging.Resolve(provider.GetService<ILoggerFactory>(), provider.GetRequiredService<IOptions<MlflowOptions>>().Value);

    // Marks that the HTTP client was registered, so calling AddMlflowTracking twice adds one resilience handler.
    private sealed class MlflowTrackingMarker;
}
