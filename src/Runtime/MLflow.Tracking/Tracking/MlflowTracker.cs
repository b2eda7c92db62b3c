using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MLflow.Tracking.Pipeline;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking;

/// <summary>
/// The default <see cref="IRunTracker"/>: tracked calls only record times and queue operations; one background
/// worker per tracker creates the runs, batches metrics, params and tags into log-batch calls (in order per run),
/// terminates the runs and retries while the store is unreachable. Nothing it does is thrown into a tracked call:
/// failures go to the logger, the <c>MLflow.Tracking</c> meter and <see cref="Statistics"/>.
/// </summary>
/// <example>
/// <code>
/// MlflowTracking.SetTracker(new MlflowTracker(new MlflowOptions { TrackingUri = "http://localhost:5000" }, loggerFactory));
/// </code>
/// </example>
public sealed partial class MlflowTracker : IRunTracker, IDisposable, IAsyncDisposable
{
    // Once this many operations wait, the worker is woken before the batch interval ends.
    private const int EarlyWakeThreshold = 1000;

    private static readonly TimeSpan OverflowLogInterval = TimeSpan.FromSeconds(10);

    // One instance for every run of a disabled tracker: reading RunId there is a mistake, not worth an allocation per call.
    private static readonly MlflowException DisabledError = new("MLflow tracking is disabled; the run was not created.");

    private readonly MlflowOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly bool _enabled;
    private readonly bool _synchronous;
    private readonly bool _ownsClient;
    private readonly int _maxQueueLength;
    private readonly int _deliveryConcurrency;
    private readonly Channel<RunOperation> _queue;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _wakeSignal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;
    private MlflowClient? _client;
    private int _wakeRequested;
    private int _disposed;
    private long _lastOverflowLog = long.MinValue / 4; // far enough back that the first overflow logs, without overflowing the subtraction
    private long _runsStarted;
    private long _runsFinished;
    private long _operationsQueued;
    private long _operationsDelivered;
    private long _operationsDropped;
    private long _deliveryFailures;
    private long _pending;

    /// <summary>
    /// A tracker for the store <paramref name="options"/> name. The store is opened by the background worker on
    /// first use, so constructing never waits for a database or the network; a malformed tracking URI leaves the
    /// tracker disabled (see <see cref="DisabledReason"/>) instead of throwing.
    /// </summary>
    /// <param name="options">Where and how to track; copied, later changes have no effect.</param>
    /// <param name="loggerFactory">For delivery failures and warnings; none when null.</param>
    public MlflowTracker(MlflowOptions options, ILoggerFactory? loggerFactory = null)
        : this(null, options, loggerFactory, ownsClient: true)
    {
    }

    /// <summary>A tracker that delivers through <paramref name="client"/>, which the caller keeps owning (DI and MlflowFake use this).</summary>
    /// <param name="client">The client runs are delivered through.</param>
    /// <param name="options">How to track (experiment defaults, batching, timeouts); the tracking URI is not used.</param>
    /// <param name="loggerFactory">For delivery failures and warnings; none when null.</param>
    public MlflowTracker(MlflowClient client, MlflowOptions options, ILoggerFactory? loggerFactory = null)
        : this(client ?? throw new ArgumentNullException(nameof(client)), options, loggerFactory, ownsClient: false)
    {
    }

    private MlflowTracker(MlflowClient? client, MlflowOptions options, ILoggerFactory? loggerFactory, bool ownsClient)
        : this(options ?? throw new ArgumentNullException(nameof(options)), loggerFactory, ownsClient, client, disabledReason: null)
    {
    }

    private MlflowTracker(MlflowOptions options, ILoggerFactory? loggerFactory, bool ownsClient, MlflowClient? client, string? disabledReason)
    {
        _options = options.Clone();
        _loggerFactory = Logging.DefaultLogging.Resolve(loggerFactory, _options);
        _logger = _loggerFactory.CreateLogger<MlflowTracker>();
        _client = client;
        _ownsClient = ownsClient;
        _synchronous = _options.Synchronous;
        _maxQueueLength = Math.Max(1, _options.MaxQueueLength);
        _deliveryConcurrency = Math.Max(1, _options.DeliveryConcurrency);
        _queue = Channel.CreateUnbounded<RunOperation>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false, AllowSynchronousContinuations = false });

        disabledReason ??= !_options.Enabled ? "MlflowOptions.Enabled is false." : client is null ? CheckTrackingUri(_options) : null;
        DisabledReason = disabledReason;
        _enabled = disabledReason is null;
        if (!_enabled)
        {
            if (_options.Enabled)
            {
                _logger.LogError("MLflow tracking is disabled: {Reason}", disabledReason);
            }

            _worker = Task.CompletedTask;
            return;
        }

        _worker = Task.Run(RunWorkerAsync);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <inheritdoc/>
    public bool IsEnabled => _enabled;

    /// <summary>Why this tracker does not track (options, or a malformed configuration), or null when it does.</summary>
    public string? DisabledReason { get; }

    /// <summary>What the tracker has done so far.</summary>
    public MlflowTrackerStatistics Statistics => new(
        Interlocked.Read(ref _runsStarted),
        Interlocked.Read(ref _runsFinished),
        Interlocked.Read(ref _operationsQueued),
        Interlocked.Read(ref _operationsDelivered),
        Interlocked.Read(ref _operationsDropped),
        Interlocked.Read(ref _deliveryFailures),
        Interlocked.Read(ref _pending));

    /// <summary>The longest a flush, a disposal or a <see cref="ActiveRun.RunId"/> read waits.</summary>
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
        Interlocked.Increment(ref _runsStarted);
        TrackingInstruments.RunsStarted.Add(1);
        if (_enabled)
        {
            Enqueue(RunOperation.Start(run));
        }
        else
        {
            run.PublishCreationError(DisabledError);
        }

        return run;
    }

    /// <inheritdoc/>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (!_enabled || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await FlushCoreAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Flushes (bounded by the flush timeout), stops the worker and releases the store when this tracker opened it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_enabled)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            await FlushCoreAsync(CancellationToken.None).ConfigureAwait(false);
            _queue.Writer.TryComplete();
            await _stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await _worker.WaitAsync(_options.FlushTimeout).ConfigureAwait(false);
                DropLeftovers();
            }
            catch (TimeoutException)
            {
                _logger.LogWarning("The MLflow tracking worker did not stop within {Timeout}; {Pending} operations were not delivered.", _options.FlushTimeout, Interlocked.Read(ref _pending));
            }
        }

        if (_ownsClient && _client is { } client)
        {
            try
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.LogWarning(ex, "Closing the MLflow tracking store failed.");
            }
        }

        _stop.Dispose();
    }

    /// <summary>Flushes (bounded by the flush timeout), stops the worker and releases the store when this tracker opened it.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// The ambient default: options from MLflow's environment variables. Never throws; a malformed variable gives a
    /// disabled tracker whose <see cref="DisabledReason"/> names it.
    /// </summary>
    internal static MlflowTracker CreateFromEnvironment(ILoggerFactory? loggerFactory = null)
    {
        try
        {
            return new MlflowTracker(MlflowOptions.FromEnvironment(), loggerFactory);
        }
        catch (ArgumentException ex)
        {
            return new MlflowTracker(new MlflowOptions(), loggerFactory, ownsClient: true, client: null, disabledReason: ex.Message);
        }
    }

    /// <summary>Queues one operation; the only work a tracked call does besides creating its run object.</summary>
    internal void Enqueue(in RunOperation operation)
    {
        if (!_enabled)
        {
            return;
        }

        if (operation.IsDroppable && Volatile.Read(ref _pending) >= _maxQueueLength)
        {
            OnOverflow();
            return;
        }

        var pending = Interlocked.Increment(ref _pending);
        Interlocked.Increment(ref _operationsQueued);
        if (!_queue.Writer.TryWrite(operation))
        {
            // Disposed: nothing will deliver it.
            Interlocked.Decrement(ref _pending);
            CountDropped(1);
            return;
        }

        if (_synchronous)
        {
            DeliverNow();
        }
        else if (pending == EarlyWakeThreshold)
        {
            Wake();
        }
    }

    /// <summary>A run ended on the caller's thread.</summary>
    internal void OnRunEnded(TrackedRun run, RunStatus status, DateTimeOffset endTime)
    {
        Interlocked.Increment(ref _runsFinished);
        TrackingInstruments.RunsFinished.Add(1);
        Enqueue(RunOperation.End(run, status, endTime));
    }

    /// <summary>Ends the worker's batching pause early (a flush or a run-id read is waiting).</summary>
    internal void Wake()
    {
        if (Interlocked.Exchange(ref _wakeRequested, 1) == 0)
        {
            _wakeSignal.Release();
        }
    }

    private static string? CheckTrackingUri(MlflowOptions options)
    {
        try
        {
            _ = TrackingUri.Parse(options.TrackingUri);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    private async Task FlushCoreAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(RunOperation.Flush(flushed)))
        {
            return;
        }

        Wake();
        try
        {
            await flushed.Task.WaitAsync(_options.FlushTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("MLflow flush timed out after {Timeout}; {Pending} run operations are still queued and will be retried.", _options.FlushTimeout, Interlocked.Read(ref _pending));
        }
    }

    /// <summary>A param or metric value of a tracked call could not be read: that value is lost, the call goes on.</summary>
    internal void ReportReadFailure(TrackedRun run, string key, Exception exception) =>
        _logger.LogWarning(
            "Reading the value of '{Key}' for run {RunName} of {Source} threw {ErrorType}; it is not logged and the call goes on.",
            key,
            run.RunName,
            run.Definition.SourceName,
            exception.GetType().FullName);

    private void OnOverflow()
    {
        CountDropped(1);
        var now = Environment.TickCount64;
        var last = Volatile.Read(ref _lastOverflowLog);
        if (now - last >= (long)OverflowLogInterval.TotalMilliseconds && Interlocked.CompareExchange(ref _lastOverflowLog, now, last) == last)
        {
            _logger.LogWarning("The MLflow tracking queue is full ({MaxQueueLength} operations); new metrics, params and tags are dropped ({Dropped} dropped so far).", _maxQueueLength, Interlocked.Read(ref _operationsDropped));
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        try
        {
            // Dispose, not just flush: it delivers what is queued (bounded by FlushTimeout) and then releases the
            // store, so a SQLite file is checkpointed and closed and mlflow.db holds every run on its own.
            DisposeAsync().AsTask().Wait(_options.FlushTimeout + _options.FlushTimeout);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogWarning(ex, "Flushing MLflow run data at process exit failed.");
        }
    }

    private void CountDelivered(int count)
    {
        Interlocked.Add(ref _operationsDelivered, count);
        Interlocked.Add(ref _pending, -count);
        TrackingInstruments.OperationsDelivered.Add(count);
    }

    private void CountDroppedFromQueue(int count)
    {
        Interlocked.Add(ref _pending, -count);
        CountDropped(count);
    }

    private void CountDropped(int count)
    {
        Interlocked.Add(ref _operationsDropped, count);
        TrackingInstruments.OperationsDropped.Add(count);
    }

    private void CountFailure()
    {
        Interlocked.Increment(ref _deliveryFailures);
        TrackingInstruments.DeliveryFailures.Add(1);
    }
}
