using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MLflow.Tracking.Stores.Rest;

/// <summary>
/// The HTTP configuration of the REST store, public so that a dependency-injection setup (IHttpClientFactory with
/// <c>AddResilienceHandler</c>) uses exactly the same TLS settings, retries and timeouts as a store that builds its
/// own <see cref="HttpClient"/>.
/// </summary>
internal static class MlflowHttp
{
    /// <summary>The longest single backoff between attempts, as urllib3's <c>DEFAULT_BACKOFF_MAX</c> in MLflow's client.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The primary handler for MLflow requests: a <see cref="SocketsHttpHandler"/> that verifies TLS certificates
    /// (unless <see cref="MlflowOptions.InsecureTls"/>), trusts <see cref="MlflowOptions.ServerCertPath"/> as a CA
    /// when given, and connects within <see cref="MlflowOptions.RequestTimeout"/>.
    /// </summary>
    /// <param name="options">The MLflow options.</param>
    /// <exception cref="MlflowException">The CA certificate file cannot be read.</exception>
    public static HttpMessageHandler CreatePrimaryHandler(MlflowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.RequestTimeout > TimeSpan.Zero ? options.RequestTimeout : TimeSpan.FromSeconds(120),
            UseCookies = false,
        };
        var validation = TlsValidation.CreateCallback(options);
        if (validation is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = validation;
        }

        return handler;
    }

    /// <summary>
    /// Adds MLflow's retry policy (as its Python client: HTTP 408, 429, 500, 502, 503 and 504, connection failures and
    /// timeouts; <see cref="MlflowOptions.MaxRetries"/> retries; backoff <c>BackoffFactor × 2^attempt</c> plus up to
    /// <see cref="MlflowOptions.BackoffJitter"/> seconds, the first retry immediate as in urllib3, at most
    /// <see cref="MaxBackoff"/>; <c>Retry-After</c> honoured on 429 and 503) and, inside it, a per-attempt timeout of
    /// <see cref="MlflowOptions.RequestTimeout"/>. Any other 4xx is never retried. POSTs are retried too, as MLflow's
    /// client does.
    /// </summary>
    /// <param name="builder">The pipeline builder (for example the one <c>AddResilienceHandler</c> gives).</param>
    /// <param name="options">The MLflow options.</param>
    /// <param name="logger">Where retries are logged (as warnings); none when null.</param>
    /// <returns>The builder.</returns>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddMlflowRetry(this ResiliencePipelineBuilder<HttpResponseMessage> builder, MlflowOptions options, ILogger? logger = null) =>
        AddMlflowRetry(builder, options, logger, neverResend: null);

    /// <summary>
    /// <see cref="AddMlflowRetry(ResiliencePipelineBuilder{HttpResponseMessage}, MlflowOptions, ILogger?)"/>, except that an
    /// outcome <paramref name="neverResend"/> accepts is not retried although MLflow would (the pipeline's run creations
    /// whose outcome is unknown).
    /// </summary>
    internal static ResiliencePipelineBuilder<HttpResponseMessage> AddMlflowRetry(this ResiliencePipelineBuilder<HttpResponseMessage> builder, MlflowOptions options, ILogger? logger, Func<HttpRequestMessage?, Outcome<HttpResponseMessage>, bool>? neverResend)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.Zero,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(RetryPolicy.ShouldRetry(args.Outcome) && neverResend?.Invoke(args.Context.GetRequestMessage(), args.Outcome) != true),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryPolicy.GetDelay(options, args.AttemptNumber, args.Outcome.Result)),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    RetryPolicy.CountAttempt(request);
                    if (logger is not null)
                    {
                        RestLog.Retrying(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?", args.AttemptNumber + 1, options.MaxRetries, RetryPolicy.Describe(args.Outcome), args.RetryDelay.TotalSeconds);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        var timeout = options.RequestTimeout;
        if (timeout > TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = Clamp(timeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1)) });
        }

        return builder;
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;
}
