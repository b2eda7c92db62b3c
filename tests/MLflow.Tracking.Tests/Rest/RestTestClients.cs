using System;
using MLflow.Tracking.Stores;
using MLflow.Tracking.Stores.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MLflow.Tracking.Tests.Rest;

/// <summary>Clients over the REST store pointed at a loopback server, with fast retry settings.</summary>
internal static class RestTestClients
{
    public static MlflowOptions Options(Uri baseUri, int maxRetries = 0, double requestTimeoutSeconds = 10) => new()
    {
        TrackingUri = baseUri.AbsoluteUri,
        MaxRetries = maxRetries,
        BackoffFactor = 0.01,
        BackoffJitter = 0,
        RequestTimeout = TimeSpan.FromSeconds(requestTimeoutSeconds),
    };

    public static MlflowStore Store(MlflowOptions options, ILoggerFactory? loggerFactory = null) =>
        RestMlflowStore.Create(new Uri(options.TrackingUri!), options, loggerFactory ?? NullLoggerFactory.Instance, null);

    public static MlflowClient Client(Uri baseUri, int maxRetries = 0) => new(Options(baseUri, maxRetries));

    public static MlflowClient Client(MlflowOptions options, ILoggerFactory? loggerFactory = null) => new(options, loggerFactory);
}
