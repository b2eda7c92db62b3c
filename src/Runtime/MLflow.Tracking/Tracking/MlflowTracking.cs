using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking;

/// <summary>
/// The ambient tracker that generated <see cref="TrackedRunAttribute"/> wrappers use. With no configuration it
/// tracks to what MLflow's environment variables say, else to <c>sqlite:///mlflow.db</c> in the current directory.
/// </summary>
public static class MlflowTracking
{
    private static readonly AsyncLocal<IRunTracker?> FlowTracker = new();
    private static readonly object Gate = new();
    private static IRunTracker? _global;

    // Reading an AsyncLocal costs more than the whole disabled wrapper; processes that never install a per-flow
    // tracker (production: only test fakes do) skip the read. Never reset, so a flow that still holds an override
    // keeps seeing it.
    private static volatile bool _flowTrackersInUse;

    /// <summary>
    /// The tracker for the current async flow: one installed with <see cref="UseTracker"/> (test fakes), else the
    /// configured one, else a default created on first use from the environment.
    /// </summary>
    public static IRunTracker Tracker => (_flowTrackersInUse ? FlowTracker.Value : null) ?? Volatile.Read(ref _global) ?? CreateDefault();

    /// <summary>Replaces the ambient tracker with one built from <paramref name="options"/>; the previous one is flushed and disposed.</summary>
    /// <param name="options">Where and how to track.</param>
    /// <param name="loggerFactory">For delivery failures and warnings; none when null.</param>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public static void Configure(MlflowOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        SetTracker(new BackgroundRunTracker(options, loggerFactory));
    }

    /// <summary>Replaces the ambient tracker with one built from the environment, adjusted by <paramref name="configure"/>.</summary>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public static void Configure(Action<MlflowOptions> configure, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = MlflowOptions.FromEnvironment();
        configure(options);
        Configure(options, loggerFactory);
    }

    /// <summary>Makes <paramref name="tracker"/> the ambient tracker of the process (DI does this); the previous one is flushed and disposed.</summary>
    public static void SetTracker(IRunTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        IRunTracker? previous;
        lock (Gate)
        {
            previous = _global;
            Volatile.Write(ref _global, tracker);
        }

        if (previous is not null && !ReferenceEquals(previous, tracker))
        {
            (previous as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// Makes <paramref name="tracker"/> the tracker of the current async flow only, until the returned handle is
    /// disposed; parallel tests each see their own.
    /// </summary>
    public static IDisposable UseTracker(IRunTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        _flowTrackersInUse = true;
        var previous = FlowTracker.Value;
        FlowTracker.Value = tracker;
        return new FlowTrackerRestorer(previous);
    }

    /// <summary>
    /// Waits until everything the ambient tracker has queued is delivered, at most <see cref="MlflowOptions.FlushTimeout"/>;
    /// what the store could not take by then is in the local spool. A process exit right after this does not wait
    /// again: the deadline is shared.
    /// </summary>
    /// <returns>What happened; a tracker other than <see cref="BackgroundRunTracker"/> (a test fake) reports nothing to count.</returns>
    public static Task<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => Tracker switch
    {
        BackgroundRunTracker tracker => tracker.FlushAsync(cancellationToken),
        var other => FlushOtherAsync(other, cancellationToken),
    };

    /// <summary>Delivers the local spool of the ambient tracker's store now (see <see cref="BackgroundRunTracker.ReplaySpoolAsync"/>).</summary>
    public static Task<SpoolReplayResult> ReplaySpoolAsync(CancellationToken cancellationToken = default) =>
        Tracker is BackgroundRunTracker tracker ? tracker.ReplaySpoolAsync(cancellationToken) : Task.FromResult(SpoolReplayResult.Empty);

    private static async Task<FlushResult> FlushOtherAsync(IRunTracker tracker, CancellationToken cancellationToken)
    {
        await tracker.FlushAsync(cancellationToken).ConfigureAwait(false);
        return FlushResult.Empty;
    }

    private static IRunTracker CreateDefault()
    {
        lock (Gate)
        {
            if (_global is null)
            {
                Volatile.Write(ref _global, BackgroundRunTracker.CreateFromEnvironment());
            }

            return _global;
        }
    }

    private sealed class FlowTrackerRestorer : IDisposable
    {
        private readonly IRunTracker? _previous;

        public FlowTrackerRestorer(IRunTracker? previous) => _previous = previous;

        public void Dispose() => FlowTracker.Value = _previous;
    }
}
