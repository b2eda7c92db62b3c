using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MLflow.Tracking.TestSupport;

/// <summary>
/// A Kestrel server on 127.0.0.1 with a free port, for tests: every request is recorded (method, path and query,
/// headers, body text) and then answered by the handler given at start.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    /// <summary>Bodies up to this size are recorded as text; larger ones are left unread for the handler.</summary>
    public const long MaxRecordedBody = 16 * 1024 * 1024;

    private readonly WebApplication _app;
    private readonly List<RecordedRequest> _requests = new();
    private readonly object _gate = new();

    private LoopbackServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>The server's base address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Starts a server that answers each request with <paramref name="handler"/>.</summary>
    /// <param name="handler">Writes the response; it gets the recorded request and the ASP.NET Core context (for aborting, delays, headers).</param>
    public static Task<LoopbackServer> StartAsync(Func<RecordedRequest, HttpContext, Task> handler) => StartAsync(handler, null);

    /// <summary>Starts a server that answers each request with <paramref name="handler"/>, over HTTPS when a certificate is given.</summary>
    /// <param name="handler">Writes the response.</param>
    /// <param name="serverCertificate">The server certificate (with its private key) for HTTPS; plain HTTP when null.</param>
    public static async Task<LoopbackServer> StartAsync(Func<RecordedRequest, HttpContext, Task> handler, X509Certificate2? serverCertificate)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            // Artifact uploads of hundreds of megabytes are tested; Kestrel's default cap is 30 MB.
            options.Limits.MaxRequestBodySize = null;
            options.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (serverCertificate is not null)
                {
                    listen.UseHttps(serverCertificate);
                }
            });
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(async context =>
        {
            var recorded = await RecordAsync(context.Request).ConfigureAwait(false);
            server!.Add(recorded);
            await handler(recorded, context).ConfigureAwait(false);
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>Starts a server that answers every request with the same status, content type and body.</summary>
    public static Task<LoopbackServer> StartAsync(int status, string contentType, string body) =>
        StartAsync((_, context) => RespondAsync(context, status, contentType, body));

    /// <summary>Writes a response.</summary>
    public static async Task RespondAsync(HttpContext context, int status, string? contentType, string body, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }

        foreach (var (name, value) in headers ?? Array.Empty<KeyValuePair<string, string>>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(body ?? string.Empty, Encoding.UTF8).ConfigureAwait(false);
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<RecordedRequest> RecordAsync(HttpRequest request)
    {
        // Bodies declared larger than MaxRecordedBody (artifact uploads) are not recorded but left to the handler to
        // stream; others are recorded and rewound, so that a handler can read the raw bytes too.
        var body = string.Empty;
        if (request.ContentLength is null or <= MaxRecordedBody)
        {
            request.EnableBuffering();
            using (var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
            {
                body = await reader.ReadToEndAsync().ConfigureAwait(false);
            }

            request.Body.Position = 0;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        // The target as sent (percent-encoding kept, as transcripts record it); ASP.NET Core's Path is decoded.
        var target = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        var pathAndQuery = string.IsNullOrEmpty(target) || !target.StartsWith('/') ? request.Path.Value + request.QueryString.Value : target;
        return new RecordedRequest(request.Method, pathAndQuery, headers, body);
    }

    private void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }
}
