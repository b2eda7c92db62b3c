using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace MLflow.Tracking.TestSupport;

/// <summary>
/// Bounded polling for conditions that background work makes true at a time no test should assume (a worker's first
/// attempt, a request reaching a server). The caller asserts afterwards, so a timeout fails with the real values.
/// </summary>
public static class Eventually
{
    /// <summary>The default bound: generous, because a loaded CI machine can be slow; a passing test never waits it out.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    /// <summary>Returns as soon as <paramref name="condition"/> holds, or once <paramref name="limit"/> has passed.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var bound = limit ?? DefaultLimit;
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < bound)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }
    }
}
