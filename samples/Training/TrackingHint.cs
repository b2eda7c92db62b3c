using System;
using System.IO;
using MLflow.Tracking;

namespace Training;

/// <summary>Where to look at the runs the sample tracked: the hint depends on the store that was actually used.</summary>
internal static class TrackingHint
{
    /// <summary>A line for the end of the run, for a tracker that tracked (<paramref name="trackingUri"/> as configured).</summary>
    public static string For(string? trackingUri)
    {
        var uri = string.IsNullOrWhiteSpace(trackingUri) ? MlflowOptions.DefaultTrackingUri : trackingUri.Trim();
        if (Uri.TryCreate(uri, UriKind.Absolute, out var server) && (server.Scheme == Uri.UriSchemeHttp || server.Scheme == Uri.UriSchemeHttps))
        {
            // Without user:password@, which a tracking URI may carry.
            var address = server.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            return "See it in the MLflow UI: open " + address + " in a browser (experiment \"training\").";
        }

        return "See it with: mlflow ui --backend-store-uri " + uri + "   (run in " + Directory.GetCurrentDirectory() + ")";
    }

    /// <summary>The line for a run that tracked nothing (the tracker has said why on standard error or its logger).</summary>
    public const string Disabled = "Tracking was off, so nothing was recorded.";
}
