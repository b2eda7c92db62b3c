using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MLflow.Tracking.Tests.Tracking.Support;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Reliability;

/// <summary>
/// BackgroundRunTracker over the REST store against a <see cref="LoopbackMlflowServer"/>, with small timeouts and backoff so
/// failure scenarios stay fast, plus the generated wrapper's call shape and readers of what arrived on the server.
/// </summary>
internal sealed class ReliabilityRig : IAsyncDisposable
{
    public const string Experiment = "reliability";

    private ReliabilityRig(LoopbackMlflowServer server, MlflowOptions options, CapturingLoggerFactory logs, TempSpool spool)
    {
        Options = options;
        Spool = spool;
        Server = server;
        Tracker = new BackgroundRunTracker(options, logs);
        Logs = logs;
    }

    public LoopbackMlflowServer Server { get; }

    public BackgroundRunTracker Tracker { get; }

    /// <summary>The options of <see cref="Tracker"/> (another tracker built from them shares its store and spool).</summary>
    public MlflowOptions Options { get; }

    public CapturingLoggerFactory Logs { get; }

    /// <summary>This rig's own spool root.</summary>
    public TempSpool Spool { get; }

    public static async Task<ReliabilityRig> StartAsync(Action<MlflowOptions>? configure = null)
    {
        var server = await LoopbackMlflowServer.StartAsync();
        var spool = new TempSpool();
        var options = new MlflowOptions
        {
            SpoolDirectory = spool.Root,
            TrackingUri = server.BaseUri.AbsoluteUri,
            MaxRetries = 0, // the tracker's own retry (keep data, back off, try again) is what is under test
            BackoffFactor = 0.01,
            BackoffJitter = 0,
            RequestTimeout = TimeSpan.FromSeconds(5),
            BatchInterval = TimeSpan.FromMilliseconds(20),
            FlushTimeout = TimeSpan.FromSeconds(15),
        };
        configure?.Invoke(options);
        var logs = new CapturingLoggerFactory();
        return new ReliabilityRig(server, options, logs, spool);
    }

    /// <summary>Answers every request with 503 (a proxy in front of a stopped server).</summary>
    public static Task<bool> Unavailable(RecordedRequest request, HttpContext context) =>
        Respond(context, StatusCodes.Status503ServiceUnavailable, "text/plain", "Service Unavailable");

    /// <summary>Resets the connection without an answer.</summary>
    public static Task<bool> Reset(RecordedRequest request, HttpContext context)
    {
        context.Abort();
        return Task.FromResult(true);
    }

    public static async Task<bool> Respond(HttpContext context, int status, string contentType, string body)
    {
        await LoopbackServer.RespondAsync(context, status, contentType, body);
        return true;
    }

    /// <summary>One tracked call exactly as generated code makes it: start, log, complete (or fail), dispose.</summary>
    public int TrackedCall(string runName, int index)
    {
        var run = Tracker.StartRun(new TrackedRunDefinition(Experiment, runName, "Reliability.Calls." + runName));
        try
        {
            run.LogParam("index", index);
            run.LogMetric("value", index);
            run.LogMetric("value", index + 0.5, step: 1);
            run.Complete();
            return index;
        }
        catch (Exception ex) when (run.Fail(ex))
        {
            throw;
        }
        finally
        {
            run.Dispose();
        }
    }

    /// <summary>Waits (bounded) until the server has received at least <paramref name="count"/> requests.</summary>
    public async Task WaitForRequestsAsync(long count)
    {
        await Eventually.UntilAsync(() => Server.RequestCount >= count);
        Assert.True(Server.RequestCount >= count, $"the server received {Server.RequestCount} of {count} requests");
    }

    /// <summary>Every run of the experiment on the server, by run name.</summary>
    public async Task<IReadOnlyList<Run>> RunsOnServerAsync()
    {
        var experiment = await Server.Store.GetExperimentByNameAsync(Experiment, CancellationToken.None);
        var page = await Server.Store.SearchRunsAsync(new RunSearchRequest { ExperimentIds = [experiment.ExperimentId], MaxResults = 50_000, ViewType = ViewType.All }, CancellationToken.None);
        return page.Items;
    }

    /// <summary>Asserts the server holds exactly the runs of <see cref="TrackedCall"/> for these names and indexes.</summary>
    public async Task AssertExactlyArrivedAsync(IReadOnlyDictionary<string, int> expected)
    {
        IReadOnlyList<Run> runs;
        try
        {
            runs = await RunsOnServerAsync();
        }
        catch (MlflowNotFoundException)
        {
            // Nothing arrived at all: show what the tracker said, that is the diagnosis.
            Assert.Fail("No run arrived. " + Tracker.Statistics + "\n" + string.Join("\n", Logs.Entries.Select(e => e.Level + " " + e.Text)));
            throw;
        }

        Assert.Equal(expected.Count, runs.Count);
        Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), runs.Select(r => r.Info.RunName!).OrderBy(k => k, StringComparer.Ordinal));
        foreach (var run in runs)
        {
            var index = expected[run.Info.RunName!];
            Assert.Equal(RunStatus.Finished, run.Info.Status);
            Assert.Equal(index.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Data.Params["index"]);
            Assert.Single(run.Data.Params);
            var history = await Server.Store.GetMetricHistoryAsync(run.Info.RunId, "value", 100, null, CancellationToken.None);
            Assert.Equal(new[] { (0L, (double)index), (1L, index + 0.5) }, history.Items.Select(m => (m.Step, m.Value)).ToArray());
            Assert.Equal(new[] { "value" }, run.Data.Metrics.Select(m => m.Key).ToArray());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Tracker.DisposeAsync();
        await Server.DisposeAsync();
        Spool.Dispose();
    }
}
