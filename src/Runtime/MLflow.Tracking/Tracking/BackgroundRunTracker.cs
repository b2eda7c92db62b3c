using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Pipeline;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking;

/// <summary>
/// The default <see cref="IRunTracker"/>: tracked calls only record times and queue operations; one background
/// worker per tracker creates the runs, batches metrics, params and tags into log-batch calls (in order per run),
/// terminates the runs and retries while the store is unreachable. What cannot reach the store in time goes, run by
/// whole run, to a durable local spool that the next tracker for the same store delivers (see docs/run-pipeline.md).
/// Nothing it does is thrown into a tracked call: failures go to the logger, the <c>MLflow.Tracking</c> meter,
/// <see cref="Statistics"/> and the <see cref="FlushResult"/> of <see cref="FlushAsync"/>.
/// </summary>
/// <example>
/// <code>
/// MlflowTracking.SetTracker(new BackgroundRunTracker(new MlflowOptions { TrackingUri = "http://localhost:5000" }, loggerFactory));
/// </code>
/// </example>
public sealed class BackgroundRunTracker : IRunTracker, IDisposable, IAsyncDisposable
{
    // Room after the deadline for the worker to notice it and write the spool.
    private const int DeadlineMarginMs = 1000;

    // One instance for every run of a disabled tracker: reading RunId there is a mistake, not worth an allocation per call.
    private static readonly MlflowException DisabledError = new("MLflow tracking is disabled; the run was not created.");

    private readonly MlflowOptions _options;
    private readonly ILogger _logger;
    private readonly bool _enabled;
    private readonly bool _synchronous;
    private readonly bool _ownsClient;
    private readonly DeliveryCounters _counters = new();
    private readonly OperationQueue? _queue;
    private readonly DeliveryWorker? _worker;
    private int _disposed;
    private bool _synchronousWaitTimedOut;

    /// <summary>
    /// A tracker for the store <paramref name="options"/> name. The store is opened by the background worker on
    /// first use, so constructing never waits for a database or the network; a malformed tracking URI leaves the
    /// tracker disabled (see <see cref="DisabledReason"/>) instead of throwing.
    /// </summary>
    /// <param name="options">Where and how to track; copied, later changes have no effect.</param>
    /// <param name="loggerFactory">For delivery failures and warnings; none when null.</param>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public BackgroundRunTracker(MlflowOptions options, ILoggerFactory? loggerFactory = null)
        : this(null, options, loggerFactory, ownsClient: true)
    {
    }

    /// <summary>A tracker that delivers through <paramref name="client"/>, which the caller keeps owning (DI and MlflowFake use this).</summary>
    /// <param name="client">The client runs are delivered through.</param>
    /// <param name="options">How to track (experiment defaults, batching, timeouts, spool); the tracking URI is not used.</param>
    /// <param name="loggerFactory">For delivery failures and warnings; none when null.</param>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public BackgroundRunTracker(MlflowClient client, MlflowOptions options, ILoggerFactory? loggerFactory = null)
        : this(client ?? throw new ArgumentNullException(nameof(client)), options, loggerFactory, ownsClient: false)
    {
    }

    private BackgroundRunTracker(MlflowClient? client, MlflowOptions options, ILoggerFactory? loggerFactory, bool ownsClient)
        : this(options ?? throw new ArgumentNullException(nameof(options)), loggerFactory, ownsClient, client, disabledReason: null)
    {
    }

    private BackgroundRunTracker(MlflowOptions options, ILoggerFactory? loggerFactory, bool ownsClient, MlflowClient? client, string? disabledReason)
    {
        _options = options.Clone();
        var factory = Logging.DefaultLogging.Resolve(loggerFactory, _options);
        _logger = factory.CreateLogger<BackgroundRunTracker>();
        _ownsClient = ownsClient;
        _synchronous = _options.Synchronous;

        disabledReason ??= !_options.Enabled ? "MlflowOptions.Enabled is false." : client is null ? CheckTrackingUri(_options) : null;
        DisabledReason = disabledReason;
        _enabled = disabledReason is null;
        if (!_enabled)
        {
            if (_options.Enabled)
            {
                TrackerLog.TrackingDisabled(_logger, disabledReason!);
            }

            return;
        }

        _queue = new OperationQueue(_counters, Math.Max(1, _options.MaxQueueLength));
        _worker = new DeliveryWorker(this, _options, client, ownsClient, factory, _counters, _queue);
        _worker.Start();
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
    }

    /// <inheritdoc/>
    public bool IsEnabled => _enabled;

    /// <summary>Why this tracker does not track (options, or a malformed configuration), or null when it does.</summary>
    public string? DisabledReason { get; }

    /// <summary>What the tracker has done so far.</summary>
    public RunTrackerStatistics Statistics => _counters.Snapshot();

    /// <summary>The one deadline of a flush, a disposal, a process exit and a <see cref="ActiveRun.RunId"/> read.</summary>
    internal TimeSpan FlushTimeout => _options.FlushTimeout;

    /// <inheritdoc/>
    public TrackedRunScope StartRun(TrackedRunDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var current = ActiveRun.Current;
        var parent = current as TrackedRun;
        if (parent is not null && !parent.BelongsTo(this))
        {
            parent = null;
        }

        var run = new TrackedRun(this, definition, parent, parent is null ? _options.RunId : null, current, DateTimeOffset.UtcNow);
        run.MakeCurrent();
        _counters.RunStarted();
        if (_enabled)
        {
            Enqueue(RunOperation.Start(run));
            if (definition.LogSystemMetrics || _options.SystemMetrics.Enabled)
            {
                run.StartSystemMetrics(_options.SystemMetrics, _logger);
            }
        }
        else
        {
            run.PublishCreationError(DisabledError);
        }

        return run;
    }

    /// <summary>
    /// Waits until everything queued so far has reached the store, or until <see cref="MlflowOptions.FlushTimeout"/>
    /// passes; what the store could not take by then is written to the local spool. The result says what happened.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the data stays queued; nothing is spooled early).</param>
    /// <returns>Delivered, spooled, refused and still pending operation counts.</returns>
    public Task<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (!_enabled || Volatile.Read(ref _disposed) != 0)
        {
            return Task.FromResult(FlushResult.Empty);
        }

        return FlushCoreAsync(Environment.TickCount64 + (long)_options.FlushTimeout.TotalMilliseconds, cancellationToken);
    }

    /// <inheritdoc/>
    Task IRunTracker.FlushAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    /// <summary>
    /// Delivers what the local spool holds for this tracker's store now (runs spooled by this or an earlier process),
    /// instead of when the worker is next idle. Files another process is replaying are left to it.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the replay goes on in the background.</param>
    /// <returns>Files, runs and operations replayed, and the files left.</returns>
    public Task<SpoolReplayResult> ReplaySpoolAsync(CancellationToken cancellationToken = default)
    {
        if (!_enabled || Volatile.Read(ref _disposed) != 0)
        {
            return Task.FromResult(SpoolReplayResult.Empty);
        }

        var request = new ReplayRequest();
        if (!_queue!.TryAddControl(RunOperation.Control(RunOperationKind.Replay, request)))
        {
            return Task.FromResult(SpoolReplayResult.Empty);
        }

        return request.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Flushes and stops the worker within one <see cref="MlflowOptions.FlushTimeout"/> (what is left then is
    /// spooled), and releases the store when this tracker opened it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_enabled)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
            var deadline = Environment.TickCount64 + (long)_options.FlushTimeout.TotalMilliseconds;
            await FlushCoreAsync(deadline, CancellationToken.None).ConfigureAwait(false);
            await _worker!.StopAsync(deadline).ConfigureAwait(false);
            if (_ownsClient && _worker.Client is { } client)
            {
                try
                {
                    await client.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    TrackerLog.CloseFailed(_logger, ex);
                }
            }
        }
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// The ambient default: options from MLflow's environment variables. Never throws; a malformed variable gives a
    /// disabled tracker whose <see cref="DisabledReason"/> names it.
    /// </summary>
    internal static BackgroundRunTracker CreateFromEnvironment(ILoggerFactory? loggerFactory = null)
    {
        try
        {
            return new BackgroundRunTracker(MlflowOptions.FromEnvironment(), loggerFactory);
        }
        catch (ArgumentException ex)
        {
            return new BackgroundRunTracker(new MlflowOptions(), loggerFactory, ownsClient: true, client: null, disabledReason: TrackingUri.ReasonOf(ex));
        }
    }

    /// <summary>Queues one operation; the only work a tracked call does besides creating its run object.</summary>
    internal void Enqueue(in RunOperation operation)
    {
        if (!_enabled || !_queue!.TryAdd(operation))
        {
            return;
        }

        if (_synchronous)
        {
            if (_worker!.IsUnreachable)
            {
                Volatile.Write(ref _synchronousWaitTimedOut, false); // the worker knows of the outage: it decides from here
            }
            else if (!Volatile.Read(ref _synchronousWaitTimedOut))
            {
                WaitDelivered();
            }
        }
    }

    /// <summary>A run ended on the caller's thread.</summary>
    internal void OnRunEnded(TrackedRun run, RunStatus status, DateTimeOffset endTime)
    {
        _counters.RunFinished();
        Enqueue(RunOperation.End(run, status, endTime));
    }

    /// <summary>Ends the worker's batching pause early (a flush or a run-id read is waiting).</summary>
    internal void Wake() => _queue?.Wake.Set();

    /// <summary>Stops delivery until the returned handle is disposed; operations keep queueing meanwhile.</summary>
    internal IDisposable PauseDelivery() => _worker is null ? NoPause.Instance : _worker.Pause();

    private static string? CheckTrackingUri(MlflowOptions options)
    {
        try
        {
            _ = TrackingUri.Parse(options.TrackingUri);
            return null;
        }
        catch (ArgumentException ex)
        {
            return TrackingUri.ReasonOf(ex);
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    private static string Truncate(string message) => message.Length <= 1000 ? message : string.Concat(message.AsSpan(0, 997), "...");

    private async Task<FlushResult> FlushCoreAsync(long deadlineMs, CancellationToken cancellationToken)
    {
        var request = new FlushRequest(deadlineMs, _counters);
        if (!_queue!.TryAddControl(RunOperation.Control(RunOperationKind.Flush, request)))
        {
            return request.ResultNow(_counters, timedOut: false);
        }

        try
        {
            // The worker answers by the deadline; the margin covers a store call that ignores cancellation.
            var bound = TimeSpan.FromMilliseconds(Math.Max(0, deadlineMs - Environment.TickCount64) + DeadlineMarginMs);
            return await request.Done.Task.WaitAsync(bound, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return request.ResultNow(_counters, timedOut: true);
        }
    }

    /// <summary>A param or metric value of a tracked call could not be read: that value is lost, the call goes on.</summary>
    internal void ReportReadFailure(TrackedRun run, string key, Exception exception) =>
        TrackerLog.ValueReadFailed(_logger, key, run.RunName, run.Definition.SourceName, exception.GetType().FullName ?? exception.GetType().Name);

    /// <summary>
    /// Synchronous mode: the caller waits for delivery, at most <see cref="MlflowOptions.FlushTimeout"/>; once the
    /// store is found unreachable, calls stop waiting (the worker spools) until it answers again.
    /// </summary>
    private void WaitDelivered()
    {
        try
        {
            var result = FlushCoreAsync(Environment.TickCount64 + (long)_options.FlushTimeout.TotalMilliseconds, CancellationToken.None).GetAwaiter().GetResult();
            if (result.TimedOut)
            {
                // Until the worker has marked the outage, later calls would each wait out another deadline: one is the bound.
                Volatile.Write(ref _synchronousWaitTimedOut, true);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            TrackerLog.WorkerFailed(_logger, ex);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        try
        {
            // Dispose, not just flush: it delivers (or spools) what is queued within the one deadline and then
            // releases the store, so a SQLite file is checkpointed and closed and mlflow.db holds every run on its own.
            DisposeAsync().AsTask().Wait(_options.FlushTimeout + TimeSpan.FromMilliseconds(2 * DeadlineMarginMs));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            TrackerLog.ExitFlushFailed(_logger, ex);
        }
    }

    private void OnUnhandledException(object sender, UnhandledExceptionEventArgs e)
    {
        // ProcessExit does not run on a crash: this is the last chance. Open runs end FAILED (type and message, no
        // stack trace), then everything is delivered or spooled within the deadline.
        var error = e.ExceptionObject as Exception;
        var crash = new CrashInfo(error?.GetType().FullName ?? e.ExceptionObject?.GetType().FullName ?? "UnhandledException", Truncate(error?.Message ?? ""));
        _queue?.TryAddControl(RunOperation.Control(RunOperationKind.Crash, crash));
        OnProcessExit(sender, EventArgs.Empty);
    }

    private sealed class NoPause : IDisposable
    {
        public static readonly NoPause Instance = new();

        public void Dispose()
        {
        }
    }
}
