using System;
using System.Net.Http;
using MLflow.Tracking.Stores.Rest;
using MLflow.Tracking.Stores.Sqlite;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Stores;

/// <summary>Opens the store a tracking URI names, with MLflow's resolution rules.</summary>
internal static class MlflowStoreFactory
{
    /// <summary>Opens the store <paramref name="options"/> name (<c>sqlite:///mlflow.db</c> when unset).</summary>
    /// <param name="options">Where and how.</param>
    /// <param name="loggerFactory">For warnings and delivery failures; none when null.</param>
    /// <param name="httpClient">For HTTP stores: a client to use (for example from IHttpClientFactory); one is made when null.</param>
    public static MlflowStore Create(MlflowOptions options, ILoggerFactory? loggerFactory = null, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        loggerFactory = Logging.DefaultLogging.Resolve(loggerFactory, options);
        var uri = TrackingUri.Parse(options.TrackingUri);
        return uri.Kind switch
        {
            TrackingStoreKind.Sqlite => SqliteMlflowStore.Open(uri.SqlitePath!, loggerFactory),
            TrackingStoreKind.Http => RestMlflowStore.Create(uri.ServerUri!, options, loggerFactory, httpClient),
            _ => throw new ArgumentException($"Tracking URI '{uri}' is not supported.", nameof(options)),
        };
    }
}
