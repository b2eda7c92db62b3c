using System;
using MLflow.Tracking;
using MLflow.Tracking.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds MLflow request tracking to an ASP.NET Core pipeline.</summary>
public static class MlflowRequestTrackingApplicationBuilderExtensions
{
    /// <summary>
    /// Tracks each matching request as an MLflow run (see <see cref="MlflowRequestTrackingMiddleware"/>). Place it
    /// after <c>UseExceptionHandler</c> (so failures are seen before they become 500 responses) and after
    /// <c>UseRouting</c> when called explicitly (so runs are named by route pattern, not by raw path).
    /// </summary>
    /// <example>
    /// <code>
    /// app.UseMlflowRequestTracking(o => { o.PathPrefixes = ["/api"]; o.Experiment = "web-requests"; });
    /// </code>
    /// </example>
    public static IApplicationBuilder UseMlflowRequestTracking(this IApplicationBuilder app, Action<MlflowRequestTrackingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = new MlflowRequestTrackingOptions();
        configure?.Invoke(options);
        var tracker = app.ApplicationServices.GetService<IRunTracker>();
        var logger = app.ApplicationServices.GetService<ILogger<MlflowRequestTrackingMiddleware>>() ?? NullLogger<MlflowRequestTrackingMiddleware>.Instance;
        return app.Use(next => new MlflowRequestTrackingMiddleware(next, options, tracker, logger).InvokeAsync);
    }
}
