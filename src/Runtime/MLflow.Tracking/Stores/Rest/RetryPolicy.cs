using System;
using System.Net.Http;
using System.Security.Authentication;
using System.Net.Sockets;
using System.IO;
using Polly;
using Polly.Timeout;

namespace MLflow.Tracking.Stores.Rest;

/// <summary>Which outcomes are retried and how long to wait, following MLflow's Python client (urllib3 <c>Retry</c>).</summary>
internal static class RetryPolicy
{
    /// <summary>How many attempts a request took, kept on the request so that errors can say so.</summary>
    public static readonly HttpRequestOptionsKey<int> AttemptsKey = new("MLflow.Tracking.Attempts");

    /// <summary>Set on a request whose HTTP 500 answer is lasting (the artifacts proxy's answer for a missing file), so it is not retried.</summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetryOnInternalErrorKey = new("MLflow.Tracking.NoRetryOnInternalError");

    public static bool IsRetryableStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
        {
            // A refused certificate will not get better by asking again; everything else on the way may.
            return outcome.Exception is HttpRequestException { InnerException: not AuthenticationException } or TimeoutRejectedException or IOException or SocketException;
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        var status = (int)response.StatusCode;
        if (status == 500 && response.RequestMessage is { } request && request.Options.TryGetValue(NoRetryOnInternalErrorKey, out var noRetry) && noRetry)
        {
            return false;
        }

        return IsRetryableStatus(status);
    }

    /// <summary>
    /// urllib3: no wait before the first retry, then <c>factor × 2^(n-1)</c> for the n-th consecutive error plus up to
    /// <c>jitter</c> seconds, at most 120 s; a <c>Retry-After</c> on 429/503 replaces the backoff.
    /// </summary>
    public static TimeSpan GetDelay(MlflowOptions options, int attemptNumber, HttpResponseMessage? response)
    {
        var retryAfter = GetRetryAfter(response);
        if (retryAfter is not null)
        {
            return retryAfter.Value > MlflowHttp.MaxBackoff ? MlflowHttp.MaxBackoff : retryAfter.Value;
        }

        if (attemptNumber <= 0)
        {
            return TimeSpan.Zero;
        }

        var seconds = options.BackoffFactor * Math.Pow(2, attemptNumber);
        if (options.BackoffJitter > 0)
        {
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
            seconds += Random.Shared.NextDouble() * options.BackoffJitter;
#pragma warning restore CA5394
        }

        seconds = Math.Clamp(seconds, 0, MlflowHttp.MaxBackoff.TotalSeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    public static TimeSpan? GetRetryAfter(HttpResponseMessage? response)
    {
        if (response is null || (int)response.StatusCode is not (429 or 503) || response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    public static void CountAttempt(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return;
        }

        request.Options.TryGetValue(AttemptsKey, out var attempts);
        request.Options.Set(AttemptsKey, Math.Max(attempts, 1) + 1);
    }

    public static int GetAttempts(HttpRequestMessage request) =>
        request.Options.TryGetValue(AttemptsKey, out var attempts) && attempts > 0 ? attempts : 1;

    public static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception
            ? exception.GetType().Name + ": " + exception.Message
            : outcome.Result is { } response ? "HTTP " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no response";
}
