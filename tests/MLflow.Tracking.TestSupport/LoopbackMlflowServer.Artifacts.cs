using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MLflow.Tracking.Artifacts;
using MLflow.Tracking.Stores.Rest.Json;

namespace MLflow.Tracking.TestSupport;

/// <summary>
/// The artifacts proxy (<c>api/2.0/mlflow-artifacts/artifacts</c>) and the tracking API's <c>artifacts/list</c>, as
/// MLflow 3.5.1 answers them (transcripts <c>mlflow-3.5.1-artifacts-inputs</c>): files under
/// <see cref="ArtifactsDirectory"/>, bodies streamed both ways, a missing file answered with HTTP 500, a climbing path
/// with 400 "Invalid path", listing a missing directory with <c>{}</c>.
/// </summary>
public sealed partial class LoopbackMlflowServer
{
    private const string ArtifactsPrefix = "/api/2.0/mlflow-artifacts/artifacts";
    private const string ProxyScheme = "mlflow-artifacts:";

    private readonly LocalArtifactRepository _artifacts;

    /// <summary>Where the proxy keeps uploaded artifacts (the server's artifact root; deleted with the server).</summary>
    public string ArtifactsDirectory { get; }

    /// <summary>How many bytes of artifact uploads the proxy has received.</summary>
    public long ArtifactBytesReceived => Interlocked.Read(ref _artifactBytes);

    private long _artifactBytes;

    private async Task HandleArtifactsAsync(RecordedRequest request, HttpContext context)
    {
        // The recorded path is the raw one, so that an encoded '/' (%2F) is decoded here, once, and then checked.
        var relative = Uri.UnescapeDataString(request.Path.Substring(ArtifactsPrefix.Length).TrimStart('/'));
        try
        {
            switch (request.Method)
            {
                case "GET" when relative.Length == 0:
                    await ListAsync(request.QueryParameters().FirstOrDefault(q => q.Key == "path").Value ?? string.Empty, context).ConfigureAwait(false);
                    return;
                case "GET":
                    await DownloadAsync(Checked(relative), context).ConfigureAwait(false);
                    return;
                case "PUT":
                    await UploadAsync(Checked(relative), context).ConfigureAwait(false);
                    return;
                case "DELETE":
                    await _artifacts.DeleteAsync(Checked(relative), context.RequestAborted).ConfigureAwait(false);
                    await LoopbackServer.RespondAsync(context, 200, "application/json", Empty).ConfigureAwait(false);
                    return;
                default:
                    await LoopbackServer.RespondAsync(context, 405, "text/html; charset=utf-8", "<!doctype html>\n<title>405 Method Not Allowed</title>\n").ConfigureAwait(false);
                    return;
            }
        }
        catch (MlflowInvalidParameterException)
        {
            await LoopbackServer.RespondAsync(context, 400, "application/json", Error(MlflowErrorCodes.InvalidParameterValue, "Invalid path")).ConfigureAwait(false);
        }
    }

    private async Task UploadAsync(string path, HttpContext context)
    {
        var counting = new CountingStream(context.Request.Body);
        await _artifacts.UploadAsync(counting, path, context.RequestAborted).ConfigureAwait(false);
        Interlocked.Add(ref _artifactBytes, counting.BytesRead);
        await LoopbackServer.RespondAsync(context, 200, "application/json", Empty).ConfigureAwait(false);
    }

    private async Task DownloadAsync(string path, HttpContext context)
    {
        var file = Path.Combine(ArtifactsDirectory, path.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(file))
        {
            var message = $"The following failures occurred while downloading one or more artifacts from {ArtifactsDirectory}:\n##### File {path} #####\n[Errno 2] No such file or directory: '{file}'";
            await LoopbackServer.RespondAsync(context, 500, "application/json", Error(MlflowErrorCodes.InternalError, message)).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/octet-stream";
        // Header values are ASCII: a unicode name goes as RFC 5987 filename*.
        var name = Path.GetFileName(file);
        context.Response.Headers.ContentDisposition = name.All(char.IsAscii) ? "attachment; filename=" + name : "attachment; filename*=UTF-8''" + Uri.EscapeDataString(name);
        context.Response.ContentLength = new FileInfo(file).Length;
        await _artifacts.DownloadAsync(path, context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task ListAsync(string directory, HttpContext context)
    {
        var path = Checked(directory);
        var entries = await _artifacts.ListAsync(path, context.RequestAborted).ConfigureAwait(false);
        var prefix = path.Length == 0 ? string.Empty : path + "/";
        var files = entries.Select(e => DatasetMapper.ToDto(e, e.Path.Substring(prefix.Length))).ToList();
        var body = JsonSerializer.Serialize(new ListArtifactsResponseDto { Files = files.Count == 0 ? null : files }, Json.ListArtifactsResponseDto);
        await LoopbackServer.RespondAsync(context, 200, "application/json", body).ConfigureAwait(false);
    }

    private async Task<(int, string)> ListRunArtifactsAsync(string runId, string? path, CancellationToken cancellationToken)
    {
        var run = await Store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        var root = run.Info.ArtifactUri ?? string.Empty;
        var files = new List<FileInfoDto>();
        if (root.StartsWith(ProxyScheme, StringComparison.Ordinal))
        {
            var proxyRoot = root.Substring(ProxyScheme.Length).Trim('/');
            var sub = Checked(path ?? string.Empty);
            var entries = await _artifacts.ListAsync(ArtifactPaths.Combine(proxyRoot, sub), cancellationToken).ConfigureAwait(false);
            files.AddRange(entries.Select(e => DatasetMapper.ToDto(e, e.Path.Substring(proxyRoot.Length + 1))));
        }

        return Ok(new ListArtifactsResponseDto { RootUri = root, Files = files.Count == 0 ? null : files }, Json.ListArtifactsResponseDto);
    }

    /// <summary>MLflow's <c>validate_path_is_safe</c>: the same rules as the client's, answered with 400 "Invalid path".</summary>
    private static string Checked(string path) => ArtifactPaths.Normalize(path);

    /// <summary>Counts the bytes read through it (the proxy's received-bytes counter).</summary>
    private sealed class CountingStream : Stream
    {
        private readonly Stream _inner;

        public CountingStream(Stream inner) => _inner = inner;

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            BytesRead += read;
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
