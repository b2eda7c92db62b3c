using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace MLflow.Tracking.Stores.Rest;

/// <summary>
/// Sends one MLflow REST call: builds the URL under the server's base URI, adds credentials and the User-Agent to
/// each request, serializes with the source-generated context and maps failures to typed exceptions.
/// Retries are not done here but by the <see cref="HttpClient"/>'s handler pipeline (see <see cref="MlflowHttp"/>).
/// </summary>
internal sealed class RestTransport
{
    public const string ApiPrefix = "api/2.0/mlflow/";

    private static readonly ProductInfoHeaderValue UserAgent = new("MLflow.Tracking.NET", GetVersion());
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _baseUri;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly TimeSpan _requestTimeout;
    private readonly ILogger _logger;

    public RestTransport(HttpClient http, Uri baseUri, MlflowOptions options, ILogger logger)
    {
        _http = http;
        _baseUri = baseUri;
        _authorization = CreateAuthorization(options);
        _requestTimeout = options.RequestTimeout;
        _logger = logger;
    }

    private RestTransport(RestTransport other, Uri baseUri)
    {
        _http = other._http;
        _baseUri = baseUri;
        _authorization = other._authorization;
        _requestTimeout = other._requestTimeout;
        _logger = other._logger;
    }

    public static string Version => UserAgent.Product!.Version!;

    /// <summary>The server this transport sends to, without user info.</summary>
    public string Server => Describe(_baseUri);

    /// <summary>
    /// The same client, credentials and retries, sent to another server: <paramref name="authority"/> (host and
    /// port) replaces the tracking server's, its scheme and path prefix stay, as MLflow's
    /// <c>MlflowArtifactsRepository.resolve_uri</c> does for <c>mlflow-artifacts://host:port/…</c>.
    /// </summary>
    public RestTransport WithAuthority(string authority) =>
        new(this, new Uri(_baseUri.Scheme + "://" + authority + _baseUri.AbsolutePath, UriKind.Absolute));

    /// <summary>Basic (user and password) wins over Bearer (token), as in MLflow.</summary>
    public static AuthenticationHeaderValue? CreateAuthorization(MlflowOptions options)
    {
        if (!string.IsNullOrEmpty(options.Username) && !string.IsNullOrEmpty(options.Password))
        {
            var raw = Encoding.UTF8.GetBytes(options.Username + ":" + options.Password);
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
        }

        return string.IsNullOrEmpty(options.Token) ? null : new AuthenticationHeaderValue("Bearer", options.Token);
    }

    public async Task<TResponse> PostAsync<TRequest, TResponse>(string endpoint, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : new()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, requestType);
        var text = await SendAsync(HttpMethod.Post, ApiPrefix + endpoint, bytes, cancellationToken).ConfigureAwait(false);
        return Deserialize(text, responseType, endpoint);
    }

    public async Task<TResponse> GetAsync<TResponse>(string endpoint, IEnumerable<KeyValuePair<string, string?>> query, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : new()
    {
        var text = await SendAsync(HttpMethod.Get, ApiPrefix + endpoint + BuildQuery(query), null, cancellationToken).ConfigureAwait(false);
        return Deserialize(text, responseType, endpoint);
    }

    /// <summary>A plain-text GET outside the API (such as <c>/health</c> and <c>/version</c>).</summary>
    public Task<string> GetTextAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public static string BuildQuery(IEnumerable<KeyValuePair<string, string?>> query)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in query)
        {
            if (value is null)
            {
                continue;
            }

            text.Append(text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return text.ToString();
    }

    private async Task<string> SendAsync(HttpMethod method, string relativePath, byte[]? body, CancellationToken cancellationToken)
    {
        using var content = body is null ? null : new ByteArrayContent(body);
        if (content is not null)
        {
            content.Headers.ContentType = JsonMediaType;
        }

        using var response = await SendAsync(method, relativePath, content, HttpCompletionOption.ResponseContentRead, retryServerErrors: true, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends one request and returns its successful response (the caller disposes it), or throws the mapped error.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="relativePath">The path under the server's base URI, already percent-encoded, with any query.</param>
    /// <param name="content">The body (not disposed here), or null.</param>
    /// <param name="completion">Whether to buffer the answer; <see cref="HttpCompletionOption.ResponseHeadersRead"/> to stream it.</param>
    /// <param name="retryServerErrors">
    /// False where MLflow answers HTTP 500 for a lasting condition (the artifacts proxy for a missing file), so that
    /// it is not retried; 502, 503, 504 and connection failures are still retried.
    /// </param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativePath, HttpContent? content, HttpCompletionOption completion, bool retryServerErrors, CancellationToken cancellationToken)
    {
        var path = "/" + relativePath.Split('?')[0];
        using var request = new HttpRequestMessage(method, new Uri(_baseUri, relativePath));
        request.Headers.UserAgent.Add(UserAgent);
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Content = content;
        if (!retryServerErrors)
        {
            request.Options.Set(RetryPolicy.NoRetryOnInternalErrorKey, true);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException ex)
        {
            throw new MlflowNetworkException($"MLflow request {method} {path} timed out after {Attempts(request)}: no answer within {Seconds(_requestTimeout)} s per attempt.", MlflowErrorCodes.TemporarilyUnavailable, null, ex);
        }
        catch (TaskCanceledException ex)
        {
            throw new MlflowNetworkException($"MLflow request {method} {path} timed out after {Attempts(request)}.", MlflowErrorCodes.TemporarilyUnavailable, null, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new MlflowNetworkException($"MLflow request {method} {path} to {Describe(_baseUri)} failed after {Attempts(request)}: {ex.Message}", MlflowErrorCodes.TemporarilyUnavailable, null, ex);
        }
        finally
        {
            // The content belongs to the caller (an upload's file stream); the request must not dispose it.
            request.Content = null;
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var error = RestErrorMapper.FromResponse(method.Method, path, status, response.ReasonPhrase, response.Content.Headers.ContentType?.MediaType, text, RetryPolicy.GetAttempts(request));
            RestLog.RequestFailed(_logger, method.Method, path, status, error.ErrorCode);
            throw error;
        }
    }

    /// <summary>The server's base URI without user info, for messages.</summary>
    public static string Describe(Uri uri) => uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    private static TResponse Deserialize<TResponse>(string text, JsonTypeInfo<TResponse> type, string endpoint)
        where TResponse : new()
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new TResponse();
        }

        try
        {
            return JsonSerializer.Deserialize(text, type) ?? new TResponse();
        }
        catch (JsonException ex)
        {
            throw new MlflowNetworkException($"MLflow answered {endpoint} with a body that is not the expected JSON: {RestErrorMapper.Excerpt(text)}", MlflowErrorCodes.InternalError, 200, ex);
        }
    }

    private static string Attempts(HttpRequestMessage request)
    {
        var attempts = RetryPolicy.GetAttempts(request);
        return attempts.ToString(CultureInfo.InvariantCulture) + (attempts == 1 ? " attempt" : " attempts");
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string GetVersion()
    {
        var assembly = typeof(RestTransport).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 ? informational.Substring(0, plus) : informational;
        }

        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
