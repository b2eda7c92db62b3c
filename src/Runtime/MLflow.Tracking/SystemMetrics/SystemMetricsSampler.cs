using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MLflow.Tracking.SystemMetrics;

/// <summary>
/// Samples the machine's CPU, memory, disk and network on a background timer, as MLflow's
/// <c>SystemMetricsMonitor</c>: every <see cref="SystemMetricsOptions.SamplingInterval"/> one sample; every
/// <see cref="SystemMetricsOptions.SamplesBeforeLogging"/> samples their mean, rounded to one decimal, handed to the
/// sink as one batch at the next step (0, 1, 2…) with keys <c>system/&lt;name&gt;</c>. It never runs on or blocks
/// the caller's thread, and a failing sink is logged, never thrown. Samples not yet logged when it stops are dropped,
/// as MLflow drops them.
/// </summary>
/// <example>
/// <code>
/// await using var sampler = SystemMetricsSampler.Start(options.SystemMetrics,
///     (metrics, ct) =&gt; client.Runs.LogBatchAsync(runId, metrics, cancellationToken: ct));
/// </code>
/// </example>
public sealed class SystemMetricsSampler : IAsyncDisposable
{
    private readonly SystemMetricsOptions _options;
    private readonly Func<IReadOnlyList<Metric>, CancellationToken, Task> _sink;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SystemMetricsReader _reader;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _steps;

    private SystemMetricsSampler(SystemMetricsOptions options, Func<IReadOnlyList<Metric>, CancellationToken, Task> sink, ILogger logger, TimeProvider time, SystemMetricsReader reader)
    {
        _options = options;
        _sink = sink;
        _logger = logger;
        _time = time;
        _reader = reader;
    }

    /// <summary>How many points (steps) have been handed to the sink.</summary>
    public long LoggedSteps => Interlocked.Read(ref _steps);

    /// <summary>Starts sampling in the background and returns at once.</summary>
    /// <param name="options">Interval, samples per point and node id (<see cref="SystemMetricsOptions.Enabled"/> is the caller's decision and not read here).</param>
    /// <param name="sink">Gets each batch of metrics (for example <c>client.Runs.LogBatchAsync(runId, metrics)</c>); called on a background thread, one batch at a time.</param>
    /// <param name="logger">For sink failures; none when null.</param>
    /// <param name="timeProvider">The clock of the timer and timestamps; the system clock when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The interval or sample count is out of range.</exception>
    public static SystemMetricsSampler Start(SystemMetricsOptions options, Func<IReadOnlyList<Metric>, CancellationToken, Task> sink, ILogger? logger = null, TimeProvider? timeProvider = null) =>
        Start(options, sink, logger, timeProvider, new SystemMetricsReader());

    /// <summary>Starts sampling for a run: each point goes to <paramref name="client"/> as one log-batch call.</summary>
    public static SystemMetricsSampler StartForRun(MlflowClient client, string runId, SystemMetricsOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return Start(options, (metrics, ct) => client.Runs.LogBatchAsync(runId, metrics, cancellationToken: ct), logger);
    }

    internal static SystemMetricsSampler Start(SystemMetricsOptions options, Func<IReadOnlyList<Metric>, CancellationToken, Task> sink, ILogger? logger, TimeProvider? timeProvider, SystemMetricsReader reader)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        options.Validate();
        var sampler = new SystemMetricsSampler(options.Clone(), sink, logger ?? NullLogger.Instance, timeProvider ?? TimeProvider.System, reader);
        sampler._loop = Task.Run(sampler.RunAsync);
        return sampler;
    }

    /// <summary>The mean of each figure over <paramref name="samples"/>, rounded to one decimal (Python's round), as metrics at <paramref name="step"/>.</summary>
    internal static List<Metric> Aggregate(IReadOnlyList<Dictionary<string, double>> samples, string prefix, long step, DateTimeOffset timestamp)
    {
        var keys = samples.SelectMany(s => s.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var metrics = new List<Metric>();
        foreach (var key in keys)
        {
            var values = samples.Where(s => s.ContainsKey(key)).Select(s => s[key]).ToList();
            metrics.Add(new Metric(prefix + key, Math.Round(values.Average(), 1, MidpointRounding.ToEven), timestamp, step));
        }

        return metrics;
    }

    /// <summary>Stops sampling and waits for a batch being handed to the sink.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var cancellationToken = _stop.Token;
        SystemMetricsLog.Started(_logger, _options.SamplingInterval.TotalSeconds, _options.SamplesBeforeLogging, _options.KeyPrefix);
        _reader.Start();
        var samples = new List<Dictionary<string, double>>(_options.SamplesBeforeLogging);
        using var timer = new PeriodicTimer(_options.SamplingInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                samples.Add(_reader.Sample());
                if (samples.Count < _options.SamplesBeforeLogging)
                {
                    continue;
                }

                var step = Interlocked.Read(ref _steps);
                var metrics = Aggregate(samples, _options.KeyPrefix, step, _time.GetUtcNow());
                samples.Clear();
                try
                {
                    await _sink(metrics, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    SystemMetricsLog.SinkFailed(_logger, step, e);
                }

                Interlocked.Increment(ref _steps);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }
}
