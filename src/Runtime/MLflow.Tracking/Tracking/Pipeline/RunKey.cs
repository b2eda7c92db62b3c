using System;
using System.Globalization;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// The client-side key of a run the pipeline creates. It travels with the run's creation as the
/// <see cref="SystemTags.RunKey"/> tag, so that a creation whose answer was lost (a timeout, a reset, a flush
/// deadline) can be found on the store instead of being created a second time, and it names the run in the spool.
/// </summary>
internal static class RunKey
{
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// The <c>runs/search</c> filter that finds the run carrying <paramref name="key"/>. The tag key has dots, so it is
    /// quoted in backticks as MLflow's search grammar requires; the key itself is 32 hex digits (no quoting needed).
    /// </summary>
    public static string Filter(string key) =>
        string.Create(CultureInfo.InvariantCulture, $"tags.`{SystemTags.RunKey}` = '{key}'");
}
