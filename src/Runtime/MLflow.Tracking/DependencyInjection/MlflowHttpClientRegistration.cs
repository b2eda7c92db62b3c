using System;
using System.Net.Http;
using System.Threading;
using MLflow.Tracking.Stores.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace MLflow.Tracking.DependencyInjection;

/// <summary>
/// Registers the named <see cref="HttpClient"/>s that HTTP stores use under dependency injection, over the same TLS
/// handler the stand-alone REST store builds for itself (<see cref="MlflowHttp"/>), so both paths behave alike:
/// <list type="bullet">
/// <item>"MLflow", for the registered <see cref="MlflowClient"/> (the user's direct calls): MLflow's retry policy.
/// A client from this factory arrives already retrying, so the store does not retry again.</item>
/// <item>"MLflow.Delivery", for the tracker's background delivery: the pipeline's own policy
/// (<see cref="Tracking.Pipeline.DeliveryRetry"/>: a few quick retries, then the worker probes for recovery). The
/// user's backoff stacked beneath would hold each request through an outage and delay recovery by the whole
/// backoff.</item>
/// </list>
/// </summary>
internal static class MlflowHttpClientRegistration
{
    /// <summary>The name of the HTTP client.</summary>
    public const string ClientName = "MLflow";

    /// <summary>The name of the HTTP client of the tracker's background delivery.</summary>
    public const string DeliveryClientName = "MLflow.Delivery";

    public static void AddMlflowHttpClient(IServiceCollection services)
    {
        Add(services, ClientName, static (pipeline, options, logger) => pipeline.AddMlflowRetry(options, logger));
        Add(services, DeliveryClientName, static (pipeline, options, logger) => Tracking.Pipeline.DeliveryRetry.AddTo(pipeline, options, logger));
    }

    private static void Add(IServiceCollection services, string name, Action<ResiliencePipelineBuilder<HttpResponseMessage>, MlflowOptions, ILogger> policy)
    {
        var builder = services.AddHttpClient(name, static client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.ConfigurePrimaryHttpMessageHandler(static provider => MlflowHttp.CreatePrimaryHandler(provider.GetRequiredService<IOptions<MlflowOptions>>().Value));

        // The store is a singleton holding its client: the primary handler rotates pooled connections instead (DNS changes).
        builder.SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler("mlflow", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<MlflowOptions>>().Value;
            var logger = MLflow.Tracking.Logging.DefaultLogging.Resolve(context.ServiceProvider.GetService<ILoggerFactory>(), options).CreateLogger("MLflow.Tracking.Http");
            policy(pipeline, options, logger);
        });
    }
}
