using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Artifacts;
using MLflow.Tracking.Stores.Rest.Json;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking.Stores.Rest;

/// <summary>Dataset inputs (<c>runs/log-inputs</c>) and the server's artifacts: its proxy and the tracking API's listing.</summary>
internal sealed partial class RestMlflowStore
{
    /// <inheritdoc />
    public override Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var body = new LogInputsRequestDto { RunId = runId, Datasets = inputs.Count == 0 ? null : inputs.Select(DatasetMapper.ToDto).ToList() };
        return _transport.PostAsync("runs/log-inputs", body, MlflowJsonContext.Default.LogInputsRequestDto, MlflowJsonContext.Default.EmptyDto, cancellationToken);
    }

    /// <summary>
    /// Opens <c>mlflow-artifacts:</c> URIs (what a server started with <c>--serve-artifacts</c>, its default, gives its
    /// runs) through the proxy <c>api/2.0/mlflow-artifacts/artifacts</c>: this server's for
    /// <c>mlflow-artifacts:/1/…</c>, the named one's for <c>mlflow-artifacts://host:port/1/…</c> (with this server's
    /// scheme, path prefix, credentials and retries, as MLflow's client does).
    /// </summary>
    /// <exception cref="MlflowInvalidParameterException">The URI names a port but no host (<c>mlflow-artifacts://5000/…</c>).</exception>
    public override IArtifactRepository? TryOpenArtifactRepository(string artifactUri)
    {
        ArgumentNullException.ThrowIfNull(artifactUri);
        var proxyPath = ArtifactUris.TryGetProxyPath(artifactUri);
        if (proxyPath is null)
        {
            return null;
        }

        var authority = ArtifactUris.TryGetProxyAuthority(artifactUri);
        return new RestArtifactRepository(authority is null ? _transport : _transport.WithAuthority(authority), artifactUri, proxyPath);
    }

    /// <summary>
    /// The tracking API's listing of a run's artifacts (<c>artifacts/list</c>, what <c>mlflow ui</c> calls): the
    /// server reads the run's artifact root itself, whatever its scheme.
    /// </summary>
    /// <param name="runId">The run.</param>
    /// <param name="path">A directory under the run's artifact root; the root when null or empty.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entries, with paths relative to the run's artifact root.</returns>
    public async Task<IReadOnlyList<ArtifactFileInfo>> ListRunArtifactsAsync(string runId, string? path, CancellationToken cancellationToken)
    {
        var response = await _transport.GetAsync(
            "artifacts/list",
            [Q("run_id", runId), Q("path", string.IsNullOrEmpty(path) ? null : path)],
            MlflowJsonContext.Default.ListArtifactsResponseDto,
            cancellationToken).ConfigureAwait(false);
        return response.Files?.Select(f => DatasetMapper.ToModel(f, ArtifactPaths.Normalize(f.Path, "Artifact path listed by the server"))).ToList()
            ?? (IReadOnlyList<ArtifactFileInfo>)System.Array.Empty<ArtifactFileInfo>();
    }
}
