using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Stores.Rest.Json;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace MLflow.Tracking.Stores.Rest;

/// <summary>
/// The store over an MLflow tracking server: MLflow REST API 2.0 (<c>api/2.0/mlflow/…</c>), with the request shapes
/// MLflow's own Python client sends (snake_case JSON, NaN/±Infinity as strings, <c>max_results</c> always sent).
/// </summary>
internal sealed partial class RestMlflowStore : MlflowStore
{
    private readonly RestTransport _transport;
    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;
    private readonly Uri _serverUri;

    private RestMlflowStore(Uri serverUri, RestTransport transport, HttpClient http, bool ownsHttpClient)
    {
        _serverUri = serverUri;
        _transport = transport;
        _http = http;
        _ownsHttpClient = ownsHttpClient;
    }

    /// <inheritdoc />
    public override string Description => RestTransport.Describe(_serverUri);

    /// <inheritdoc />
    public override MlflowStoreCapabilities Capabilities => MlflowStoreCapabilities.Durable;

    /// <summary>Opens the store for the tracking server at <paramref name="serverUri"/>.</summary>
    /// <param name="serverUri">The server's base URI (a path prefix is kept).</param>
    /// <param name="options">Credentials, TLS, timeout and retry settings.</param>
    /// <param name="loggerFactory">For retry warnings.</param>
    /// <param name="httpClient">
    /// When null, the store builds and owns its own <see cref="HttpClient"/>: a <see cref="ResilienceHandler"/> with
    /// <see cref="MlflowHttp.AddMlflowRetry"/> (retries and per-attempt timeout) over
    /// <see cref="MlflowHttp.CreatePrimaryHandler"/> (TLS settings). When given (for example from IHttpClientFactory),
    /// the client is assumed to be configured already — the DI integration adds the same policy with
    /// <c>AddResilienceHandler(…, b =&gt; b.AddMlflowRetry(options))</c> over the same primary handler — so the store does
    /// not retry again; it still adds the credentials and User-Agent to each request. The caller keeps owning it.
    /// </param>
    public static MlflowStore Create(Uri serverUri, MlflowOptions options, ILoggerFactory loggerFactory, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(serverUri);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger("MLflow.Tracking.Rest");
        var baseUri = serverUri.AbsoluteUri.EndsWith('/') ? serverUri : new Uri(serverUri.AbsoluteUri + "/");
        var owns = httpClient is null;
        var http = httpClient ?? CreateHttpClient(options, logger);
        return new RestMlflowStore(baseUri, new RestTransport(http, baseUri, options, logger), http, owns);
    }

    private static HttpClient CreateHttpClient(MlflowOptions options, ILogger logger)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddMlflowRetry(options, logger).Build();
#pragma warning disable CA2000 // The HttpClient owns and disposes the handler chain.
        var handler = new ResilienceHandler(pipeline) { InnerHandler = MlflowHttp.CreatePrimaryHandler(options) };
#pragma warning restore CA2000

        // The pipeline times each attempt; the client-wide timeout must not cut retries short.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc />
    public override async Task<string> PingAsync(CancellationToken cancellationToken)
    {
        await _transport.GetTextAsync("health", cancellationToken).ConfigureAwait(false);
        var version = await _transport.GetTextAsync("version", cancellationToken).ConfigureAwait(false);
        return $"MLflow {version.Trim()} at {Description}";
    }

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore()
    {
        if (_ownsHttpClient)
        {
            _http.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static KeyValuePair<string, string?> Q(string key, string? value) => new(key, value);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static List<string>? ListOrNull(IReadOnlyList<string> items) => items.Count == 0 ? null : items.ToList();
}
