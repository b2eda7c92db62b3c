using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MLflow.Tracking.TestSupport;

/// <summary>One transcript served and the request that was answered with it.</summary>
/// <param name="Expected">The transcript.</param>
/// <param name="Actual">The request the client sent.</param>
public sealed record ReplayedExchange(Transcript Expected, RecordedRequest Actual);

/// <summary>
/// Serves MLflow transcripts in order over a <see cref="LoopbackServer"/>: each incoming request is matched to the
/// next expected transcript by method and path and answered with its recorded status, content type and exact body.
/// A request that does not match gets HTTP 599 and is reported by <see cref="AssertMatched"/>. Tests then check the
/// client's request against the recorded one with <see cref="AssertRequestEquivalent"/>.
/// </summary>
public sealed class TranscriptReplay : IAsyncDisposable
{
    private readonly Queue<Transcript> _expected = new();
    private readonly List<ReplayedExchange> _exchanges = new();
    private readonly List<string> _mismatches = new();
    private readonly object _gate = new();
    private LoopbackServer? _server;

    private TranscriptReplay()
    {
    }

    /// <summary>The server address to point the client at.</summary>
    public Uri BaseUri => _server!.BaseUri;

    /// <summary>Every request received, matched or not.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _server!.Requests;

    /// <summary>The exchanges served so far.</summary>
    public IReadOnlyList<ReplayedExchange> Exchanges
    {
        get
        {
            lock (_gate)
            {
                return _exchanges.ToArray();
            }
        }
    }

    /// <summary>How many expected transcripts have not been requested yet.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _expected.Count;
            }
        }
    }

    /// <summary>Starts a replay server expecting <paramref name="transcripts"/> in order (more can be added with <see cref="Expect"/>).</summary>
    public static async Task<TranscriptReplay> StartAsync(IEnumerable<Transcript>? transcripts = null)
    {
        var replay = new TranscriptReplay();
        foreach (var transcript in transcripts ?? Array.Empty<Transcript>())
        {
            replay.Expect(transcript);
        }

        replay._server = await LoopbackServer.StartAsync(replay.HandleAsync).ConfigureAwait(false);
        return replay;
    }

    /// <summary>Queues <paramref name="transcript"/> as the next expected exchange.</summary>
    public void Expect(Transcript transcript)
    {
        lock (_gate)
        {
            _expected.Enqueue(transcript);
        }
    }

    /// <summary>Fails when a request did not match its transcript or expected transcripts were not requested.</summary>
    public void AssertMatched()
    {
        lock (_gate)
        {
            if (_mismatches.Count > 0)
            {
                throw new Xunit.Sdk.XunitException("Requests did not match the transcripts:\n" + string.Join("\n", _mismatches));
            }

            if (_expected.Count > 0)
            {
                throw new Xunit.Sdk.XunitException("Transcripts never requested: " + string.Join(", ", _expected));
            }
        }
    }

    /// <summary>
    /// Checks that <paramref name="exchange"/>'s request carries what the transcript's request carried: the same
    /// method and path, every recorded query parameter, and a JSON-equivalent body (see <see cref="JsonEquivalence"/>).
    /// </summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="expectedBody">The body to compare against instead of the recorded one (for fields the client legitimately fills differently).</param>
    /// <param name="allowedExtras">Body fields the client may add (for example <c>run_uuid</c>, which MLflow's own client sends).</param>
    public static void AssertRequestEquivalent(ReplayedExchange exchange, JsonNode? expectedBody = null, params string[] allowedExtras)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var (expected, actual) = (exchange.Expected, exchange.Actual);
        var problems = new List<string>();
        if (expected.Method != actual.Method || expected.Path != actual.Path)
        {
            problems.Add($"expected {expected.Method} {expected.Path}, got {actual.Method} {actual.Path}");
        }

        var actualQuery = actual.QueryParameters();
        foreach (var parameter in expected.Query)
        {
            if (!actualQuery.Contains(parameter))
            {
                problems.Add($"query {parameter.Key}={parameter.Value} missing (sent '{actual.Query}')");
            }
        }

        var body = expectedBody ?? expected.RequestBody;
        if (body is not null || expected.RequestBodyText.Length > 0)
        {
            JsonNode? sent;
            try
            {
                sent = JsonNode.Parse(actual.Body);
            }
            catch (System.Text.Json.JsonException ex)
            {
                problems.Add("body is not JSON: " + ex.Message);
                sent = null;
            }

            problems.AddRange(JsonEquivalence.Differences(body, sent, allowedExtras));
        }

        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{expected.Name}: the request differs from MLflow's:\n  " + string.Join("\n  ", problems));
        }
    }

    /// <summary>Stops the server.</summary>
    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(RecordedRequest request, HttpContext context)
    {
        Transcript? next;
        lock (_gate)
        {
            _expected.TryPeek(out next);
            if (next is not null && next.Method == request.Method && next.Path == request.Path)
            {
                _expected.Dequeue();
                _exchanges.Add(new ReplayedExchange(next, request));
            }
            else
            {
                _mismatches.Add($"{request.Method} {request.PathAndQuery} arrived while {(next?.ToString() ?? "nothing")} was expected");
                next = null;
            }
        }

        if (next is null)
        {
            await LoopbackServer.RespondAsync(context, 599, "text/plain", "no transcript matches this request").ConfigureAwait(false);
            return;
        }

        await LoopbackServer.RespondAsync(context, next.Status, next.ContentType, next.ResponseBodyText).ConfigureAwait(false);
    }
}
