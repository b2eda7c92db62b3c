using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.AspNetCore;

/// <summary>
/// Makes each matching request an MLflow run: params <c>endpoint</c>, <c>method</c>, <c>user_id</c>; metrics
/// <c>response_time</c> (ms) and <c>status_code</c>; tag <c>success</c>. An unhandled exception ends the run FAILED
/// and is rethrown; an aborted request ends it KILLED. The tracker only queues, so the response never waits for
/// MLflow, and a tracking failure is logged, never turned into a failed request.
/// </summary>
public sealed partial class MlflowRequestTrackingMiddleware
{
    // Route patterns are few; paths of unrouted requests are not cached (unbounded).
    private const int MaxCachedDefinitions = 1024;

    private readonly RequestDelegate _next;
    private readonly MlflowRequestTrackingOptions _options;
    private readonly IRunTracker? _tracker;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<Tag> _tags;
    private readonly ConcurrentDictionary<(string Method, string Endpoint), TrackedRunDefinition> _definitions = new();

    /// <summary>Creates the middleware (<c>UseMlflowRequestTracking</c> does this).</summary>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="options">Which requests to track.</param>
    /// <param name="tracker">The tracker; null uses <see cref="MlflowTracking.Tracker"/> at each request.</param>
    /// <param name="logger">For tracking failures.</param>
    public MlflowRequestTrackingMiddleware(RequestDelegate next, MlflowRequestTrackingOptions options, IRunTracker? tracker, ILogger<MlflowRequestTrackingMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _next = next;
        _options = options;
        _tracker = tracker;
        _logger = logger;
        _tags = options.Tags.Select(t => new Tag(t.Key, t.Value)).ToArray();
    }

    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tracker = _tracker ?? MlflowTracking.Tracker;
        if (!tracker.IsEnabled || !ShouldTrack(context))
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var scope = TryStart(tracker, context);
        if (scope is null)
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            TryEnd(scope, context, started, e);
            throw;
        }

        TryEnd(scope, context, started, null);
    }

    private bool ShouldTrack(HttpContext context)
    {
        var prefixes = _options.PathPrefixes;
        if (prefixes.Count > 0)
        {
            var path = context.Request.Path;
            var matched = false;
            foreach (var prefix in prefixes)
            {
                if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                return false;
            }
        }

        return _options.Filter?.Invoke(context) ?? true;
    }

#pragma warning disable CA1031 // Tracking never fails a request: every tracker problem is logged and the request goes on.
    private TrackedRunScope? TryStart(IRunTracker tracker, HttpContext context)
    {
        try
        {
            var method = context.Request.Method;
            var routePattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            var endpoint = routePattern ?? context.Request.Path.Value ?? "/";
            var definition = routePattern is not null && _definitions.Count < MaxCachedDefinitions
                ? _definitions.GetOrAdd((method, endpoint), key => CreateDefinition(key.Method, key.Endpoint))
                : CreateDefinition(method, endpoint);

            var scope = tracker.StartRun(definition);
            scope.LogParam("endpoint", endpoint);
            scope.LogParam("method", method);
            scope.LogParam("user_id", UserIdOf(context.User));
            return scope;
        }
        catch (Exception e)
        {
            LogTrackingFailed(_logger, "start", e.GetType().Name, e.Message);
            return null;
        }
    }

    private void TryEnd(TrackedRunScope scope, HttpContext context, long started, Exception? exception)
    {
        try
        {
            var aborted = context.RequestAborted.IsCancellationRequested;
            var status = exception is not null && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            scope.LogMetric("response_time", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            scope.LogMetric("status_code", status);
            scope.SetTag("success", exception is null && !aborted && status < 400 ? "true" : "false");
            if (exception is not null)
            {
                scope.Fail(aborted && exception is not OperationCanceledException ? new OperationCanceledException("The client aborted the request.", exception, context.RequestAborted) : exception);
            }
            else if (aborted)
            {
                scope.Fail(new OperationCanceledException("The client aborted the request.", context.RequestAborted));
            }
            else
            {
                scope.Complete();
            }
        }
        catch (Exception e)
        {
            LogTrackingFailed(_logger, "end", e.GetType().Name, e.Message);
        }
        finally
        {
            try
            {
                scope.Dispose();
            }
            catch (Exception e)
            {
                LogTrackingFailed(_logger, "end", e.GetType().Name, e.Message);
            }
        }
    }
#pragma warning restore CA1031

    private TrackedRunDefinition CreateDefinition(string method, string endpoint)
    {
        var name = method + " " + endpoint;
        return new TrackedRunDefinition(_options.Experiment, name, name, _tags);
    }

    private string UserIdOf(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity)
        {
            return "guest";
        }

        var id = user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? identity.Name;
        return string.IsNullOrEmpty(id) ? "guest" : ParamRedactor.Redact(id, _options.UserIdRedaction);
    }

    [LoggerMessage(EventId = 1, EventName = "MlflowRequestTrackingFailed", Level = LogLevel.Warning, Message = "MLflow request tracking could not {Stage} a run; the request goes on untracked: {ErrorType}: {ErrorMessage}")]
    private static partial void LogTrackingFailed(ILogger logger, string stage, string errorType, string errorMessage);
}
