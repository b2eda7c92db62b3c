using System;
using System.Net.Http;
using MLflow.Tracking.Stores.Rest;
using Microsoft.Extensions.Logging;
using Polly;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// The one retry policy of background delivery, owned by the pipeline rather than taken from the user's options.
/// Under the worker, HTTP requests get at most <see cref="MaxQuickRetries"/> quick retries (a flapping connection, one
/// lost answer); a longer outage is the worker's: it keeps the data and probes the store every
/// <see cref="OutageMonitor.ProbeInterval"/>. MLflow's own policy (<see cref="MlflowOptions.MaxRetries"/> with its
/// backoff, up to two minutes a step) stacked beneath would hold each request through the outage, so the probe could
/// not act. A run creation whose outcome is unknown (no answer, a reset, 500/502/504) is not resent blindly: the
/// pipeline looks the run up by its key first (<see cref="RunKey"/>). Direct calls through a user's
/// <see cref="MlflowClient"/> keep MLflow's policy.
/// </summary>
internal static class DeliveryRetry
{
    /// <summary>Quick HTTP retries of one delivery request.</summary>
    public const int MaxQuickRetries = 2;

    /// <summary>The largest backoff factor of those retries (seconds; the first retry is immediate, as in urllib3).</summary>
    public const double MaxBackoffFactor = 0.25;

    /// <summary>The options of a store the pipeline delivers through: the user's, with the quick retries above.</summary>
    public static MlflowOptions ClientOptions(MlflowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clone = options.Clone();
        clone.MaxRetries = Math.Min(clone.MaxRetries, MaxQuickRetries);
        clone.BackoffFactor = Math.Min(clone.BackoffFactor, MaxBackoffFactor);
        clone.BackoffJitter = Math.Min(clone.BackoffJitter, MaxBackoffFactor);
        return clone;
    }

    /// <summary>An HTTP client for delivery to a tracking server: MLflow's TLS handler under <see cref="AddTo"/>.</summary>
    public static HttpClient CreateHttpClient(MlflowOptions options, ILogger logger)
    {
        var pipeline = AddTo(new ResiliencePipelineBuilder<HttpResponseMessage>(), options, logger).Build();
#pragma warning disable CA2000 // The HttpClient owns and disposes the handler chain.
        var handler = new Microsoft.Extensions.Http.Resilience.ResilienceHandler(pipeline) { InnerHandler = MlflowHttp.CreatePrimaryHandler(options) };
#pragma warning restore CA2000

        // The pipeline times each attempt; the client-wide timeout must not cut retries short.
        return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// Adds the delivery policy: MLflow's retryable outcomes (<see cref="RetryPolicy"/>) with
    /// <see cref="ClientOptions"/>' quick retries, except a run creation whose outcome is unknown, and the per-attempt
    /// <see cref="MlflowOptions.RequestTimeout"/>.
    /// </summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddTo(ResiliencePipelineBuilder<HttpResponseMessage> builder, MlflowOptions options, ILogger? logger) =>
        builder.AddMlflowRetry(ClientOptions(options), logger, MayHaveCreatedRun);

    /// <summary>A <c>runs/create</c> that got no answer, or one that may come after the work was done: the store may hold the run.</summary>
    private static bool MayHaveCreatedRun(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome) =>
        request is { } sent
        && sent.Method == HttpMethod.Post
        && sent.RequestUri is { } uri
        && uri.AbsolutePath.EndsWith("/runs/create", StringComparison.Ordinal)
        && (outcome.Exception is not null || (outcome.Result is { } response && (int)response.StatusCode is 500 or 502 or 504));
}
