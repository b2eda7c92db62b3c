using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Artifacts;
using MLflow.Tracking.Stores.Rest.Json;

namespace MLflow.Tracking.Stores.Rest;

/// <summary>
/// A run's artifacts through the tracking server's proxy, as MLflow's <c>MlflowArtifactsRepository</c>:
/// <c>PUT</c>/<c>GET</c>/<c>DELETE api/2.0/mlflow-artifacts/artifacts/&lt;exp&gt;/&lt;run&gt;/artifacts/&lt;path&gt;</c>
/// (raw bytes, sub-directories created implicitly) and <c>GET …/artifacts?path=</c> to list. Uploads stream from the
/// given stream; downloads stream into the destination; neither holds a file in memory.
/// </summary>
internal sealed class RestArtifactRepository : IArtifactRepository
{
    private const string ProxyPrefix = "api/2.0/mlflow-artifacts/artifacts";

    private readonly RestTransport _transport;
    private readonly string _proxyPath;

    public RestArtifactRepository(RestTransport transport, string rootUri, string proxyPath)
    {
        _transport = transport;
        RootUri = rootUri;
        _proxyPath = proxyPath;
    }

    public string RootUri { get; }

    public async Task UploadAsync(Stream content, string artifactPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var body = new StreamContent(content, 81920);
        body.Headers.ContentType = new MediaTypeHeaderValue(ArtifactContentTypes.For(artifactPath));
        using var response = await _transport.SendAsync(HttpMethod.Put, FileUrl(artifactPath), body, HttpCompletionOption.ResponseContentRead, retryServerErrors: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ArtifactFileInfo>> ListAsync(string path, CancellationToken cancellationToken)
    {
        var query = RestTransport.BuildQuery([new("path", ArtifactPaths.Combine(_proxyPath, path))]);
        using var response = await _transport.SendAsync(HttpMethod.Get, ProxyPrefix + query, null, HttpCompletionOption.ResponseContentRead, retryServerErrors: true, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        ListArtifactsResponseDto? listing;
        try
        {
            listing = string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize(text, MlflowJsonContext.Default.ListArtifactsResponseDto);
        }
        catch (JsonException ex)
        {
            throw new MlflowNetworkException($"MLflow answered the artifact listing of '{path}' with a body that is not the expected JSON: {RestErrorMapper.Excerpt(text)}", MlflowErrorCodes.InternalError, 200, ex);
        }

        // The proxy names entries relative to the listed directory; a name that climbs out is the server's error, not a path to follow.
        return listing?.Files?
            .Select(f => DatasetMapper.ToModel(f, ArtifactPaths.Combine(path, ArtifactPaths.Normalize(f.Path, "Artifact name listed by the server"))))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList() ?? (IReadOnlyList<ArtifactFileInfo>)Array.Empty<ArtifactFileInfo>();
    }

    public async Task DownloadAsync(string artifactPath, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        HttpResponseMessage response;
        try
        {
            response = await _transport.SendAsync(HttpMethod.Get, FileUrl(artifactPath), null, HttpCompletionOption.ResponseHeadersRead, retryServerErrors: false, cancellationToken).ConfigureAwait(false);
        }
        catch (MlflowException ex) when (IsMissingFile(ex))
        {
            // MLflow's proxy answers a missing file with HTTP 500 INTERNAL_ERROR ("No such file or directory"), not 404.
            throw new MlflowNotFoundException($"Artifact '{artifactPath}' does not exist under {RootUri} (the server answered HTTP 500: {ex.Message})", MlflowErrorCodes.ResourceDoesNotExist, ex.HttpStatus, ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                await body.CopyToAsync(destination, 81920, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task DeleteAsync(string artifactPath, CancellationToken cancellationToken)
    {
        using var response = await _transport.SendAsync(HttpMethod.Delete, FileUrl(artifactPath), null, HttpCompletionOption.ResponseContentRead, retryServerErrors: true, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsMissingFile(MlflowException ex) =>
        ex.HttpStatus is 404 or 500
        && (ex.HttpStatus == 404
            || ex.Message.Contains("No such file", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("NoSuchKey", StringComparison.Ordinal)
            || ex.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("not found", StringComparison.OrdinalIgnoreCase));

    private string FileUrl(string artifactPath) => ProxyPrefix + "/" + ArtifactPaths.Escape(ArtifactPaths.Combine(_proxyPath, artifactPath));
}
