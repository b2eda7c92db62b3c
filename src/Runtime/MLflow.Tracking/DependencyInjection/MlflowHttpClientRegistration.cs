using System.Net.Http;
using System.Threading;
using MLflow.Tracking.Stores.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MLflow.Tracking.DependencyInjection;

/// <summary>
/// Registers the named <see cref="HttpClient"/> ("MLflow") that HTTP stores use under dependency injection, with the
/// same TLS handler and retry policy the stand-alone REST store builds for itself (<see cref="MlflowHttp"/>), so both
/// paths behave alike. A client from this factory arrives already retrying, so the store does not retry again.
/// </summary>
internal static class MlflowHttpClientRegistration
{
    /// <summary>The name of the HTTP client.</summary>
    public const string ClientName = "MLflow";

    public static void AddMlflowHttpClient(IServiceCollection services)
    {
        var builder = services.AddHttpClient(ClientName, static client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.ConfigurePrimaryHttpMessageHandler(static provider => MlflowHttp.CreatePrimaryHandler(provider.GetRequiredService<IOptions<MlflowOptions>>().Value));

        // The store is a singleton holding its client: the primary handler rotates pooled connections instead (DNS changes).
        builder.SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler("mlflow", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<MlflowOptions>>().Value;
            var logger = MLflow.Tracking.Logging.DefaultLogging.Resolve(context.ServiceProvider.GetService<ILoggerFactory>(), options).CreateLogger("MLflow.Tracking.Http");
            pipeline.AddMlflowRetry(options, logger);
        });
    }
}
