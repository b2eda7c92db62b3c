using System;
using System.IO;
using MLflow.Tracking.Artifacts;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MLflow.Tracking.Stores;
using MLflow.Tracking.Testing;

namespace MLflow.Tracking.TestSupport;

/// <summary>
/// A stateful MLflow tracking server on 127.0.0.1 for tests and benchmarks: MLflow's REST API 2.0 served from an
/// <see cref="MlflowStore"/> (by default a new <see cref="InMemoryMlflowStore"/>, whose semantics are held to the
/// SQLite store's by the conformance suite), with the runtime's own wire DTOs. Its answers are checked against the
/// recorded MLflow 3.5 transcripts (LoopbackMlflowServerTranscriptTests), so it does not invent server behaviour.
/// <see cref="Faults"/> lets a test replace any answer (errors, resets, delays, malformed bodies).
/// </summary>
public sealed partial class LoopbackMlflowServer : IAsyncDisposable
{
    private const string NotFoundPage =
        "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n";

    private readonly LoopbackServer _server;
    private Func<RecordedRequest, HttpContext, Task<bool>>? _faults;
    private long _requests;
    private long _served;

    private LoopbackMlflowServer(MlflowStore store, LoopbackServer server)
    {
        Store = store;
        _server = server;
        ArtifactsDirectory = Path.Combine(Path.GetTempPath(), "mlflow-loopback-artifacts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(ArtifactsDirectory);
        _artifacts = new LocalArtifactRepository(ArtifactsDirectory);
    }

    /// <summary>The store behind the API; tests read it directly to assert what arrived.</summary>
    public MlflowStore Store { get; }

    /// <summary>The base address, such as <c>http://127.0.0.1:41234/</c> (a tracking URI).</summary>
    public Uri BaseUri => _server.BaseUri;

    /// <summary>Requests received, including those answered by <see cref="Faults"/>.</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>Requests answered by the store (not by <see cref="Faults"/>).</summary>
    public long ServedCount => Interlocked.Read(ref _served);

    /// <summary>
    /// Called first for every request; returns true when it wrote (or aborted) the response itself, false to let the
    /// store answer. Null (the default) means a healthy server.
    /// </summary>
    public Func<RecordedRequest, HttpContext, Task<bool>>? Faults
    {
        get => Volatile.Read(ref _faults);
        set => Volatile.Write(ref _faults, value);
    }

    /// <summary>
    /// Starts a server over a new, empty <see cref="InMemoryMlflowStore"/> whose experiments get
    /// <c>mlflow-artifacts:/&lt;id&gt;</c>, as a server started with <c>--serve-artifacts</c> (MLflow's default).
    /// </summary>
    public static Task<LoopbackMlflowServer> StartAsync() => StartAsync(new InMemoryMlflowStore(TimeProvider.System, "mlflow-artifacts:"));

    /// <summary>Starts a server over <paramref name="store"/> (disposed with the server).</summary>
    public static async Task<LoopbackMlflowServer> StartAsync(MlflowStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        LoopbackMlflowServer? self = null;
        var server = await LoopbackServer.StartAsync((request, context) => self!.HandleAsync(request, context)).ConfigureAwait(false);
        self = new LoopbackMlflowServer(store, server);
        return self;
    }

    /// <summary>Stops the server, disposes the store and deletes <see cref="ArtifactsDirectory"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        await Store.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(ArtifactsDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the temp folder is cleaned by the system.
        }
    }

    private async Task HandleAsync(RecordedRequest request, HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var faults = Faults;
        if (faults is not null && await faults(request, context).ConfigureAwait(false))
        {
            return;
        }

        Interlocked.Increment(ref _served);
        if (request.Path.StartsWith(ArtifactsPrefix, StringComparison.Ordinal))
        {
            await HandleArtifactsAsync(request, context).ConfigureAwait(false);
            return;
        }

        int status;
        string body;
        try
        {
            var answer = await DispatchAsync(request, context.RequestAborted).ConfigureAwait(false);
            if (answer is null)
            {
                // MLflow answers unknown paths with Flask's HTML 404 page (transcript 003).
                await LoopbackServer.RespondAsync(context, 404, "text/html; charset=utf-8", NotFoundPage).ConfigureAwait(false);
                return;
            }

            (status, body) = answer.Value;
        }
        catch (MlflowException e)
        {
            status = e.HttpStatus ?? (e is MlflowNotFoundException ? 404 : 400);
            body = Error(e.ErrorCode, e.Message);
        }
        catch (JsonException e)
        {
            status = 400;
            body = Error(MlflowErrorCodes.InvalidParameterValue, "Malformed JSON request body: " + e.Message);
        }

        await LoopbackServer.RespondAsync(context, status, "application/json", body).ConfigureAwait(false);
    }
}
