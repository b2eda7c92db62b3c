using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace MLflow.Tracking.AspNetCore;

/// <summary>Which requests <c>UseMlflowRequestTracking</c> turns into runs, and how.</summary>
public sealed class MlflowRequestTrackingOptions
{
    /// <summary>
    /// Path prefixes whose requests are tracked, matched by whole segments and ignoring case (<c>/api</c> matches
    /// <c>/api/predict</c>, not <c>/apis</c>). Empty tracks every request.
    /// </summary>
    public IReadOnlyList<string> PathPrefixes { get; set; } = [];

    /// <summary>An extra test a request must pass to be tracked (after <see cref="PathPrefixes"/>), or null.</summary>
    public Func<HttpContext, bool>? Filter { get; set; }

    /// <summary>The experiment of the request runs; null for the configured default.</summary>
    public string? Experiment { get; set; }

    /// <summary>
    /// How the <c>user_id</c> param is redacted. <see cref="ParamRedaction.Hash"/> keeps requests of one user
    /// comparable without logging who it is. Anonymous requests are logged as <c>guest</c>.
    /// </summary>
    public ParamRedaction UserIdRedaction { get; set; } = ParamRedaction.None;

    /// <summary>Constant tags set on every request run.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
}
