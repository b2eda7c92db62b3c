using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Reliability;

/// <summary>
/// The tracked-call pipeline (BackgroundRunTracker → REST store → HTTP) under server failures, on loopback: each test asserts
/// exactly what arrived on the server and that user code never saw an exception.
/// </summary>
public sealed class TrackerReliabilityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Server_down_for_the_whole_run_then_back_loses_nothing()
    {
        await using var rig = await ReliabilityRig.StartAsync();
        rig.Server.Faults = ReliabilityRig.Reset;
        var expected = Enumerable.Range(0, 5).ToDictionary(i => "down-" + i, i => i);

        foreach (var (name, index) in expected)
        {
            rig.TrackedCall(name, index);
        }

        await rig.WaitForRequestsAsync(3); // several delivery attempts failed while the server was down
        rig.Server.Faults = null;
        var result = await rig.Tracker.FlushAsync();
        Assert.True(result.IsDurable);

        await rig.AssertExactlyArrivedAsync(expected);
        Assert.True(rig.Tracker.Statistics.DeliveryFailures > 0);
        Assert.Equal(0, rig.Tracker.Statistics.OperationsDropped);
        Assert.Equal(0, rig.Tracker.Statistics.PendingOperations);
    }

    [Fact]
    public async Task Flapping_server_answering_every_other_request_with_503_or_a_reset_loses_and_duplicates_nothing()
    {
        // With strict alternation, any step needing two requests in a row (experiment lookup then create) fails forever
        // unless single requests are retried: that is the REST store's MaxRetries (default 7), kept small and fast here.
        await using var rig = await ReliabilityRig.StartAsync(o => o.MaxRetries = 2);
        var count = 0;
        rig.Server.Faults = (request, context) => (Interlocked.Increment(ref count) % 4) switch
        {
            1 => ReliabilityRig.Unavailable(request, context),
            3 => ReliabilityRig.Reset(request, context),
            _ => Task.FromResult(false),
        };
        var expected = Enumerable.Range(0, 30).ToDictionary(i => "flap-" + i, i => i);

        foreach (var (name, index) in expected)
        {
            rig.TrackedCall(name, index);
        }

        await rig.Tracker.FlushAsync();

        await rig.AssertExactlyArrivedAsync(expected);
        Assert.Equal(rig.Server.RequestCount, 2 * rig.Server.ServedCount); // every other request failed
        Assert.Equal(0, rig.Tracker.Statistics.OperationsDropped);
    }

    [Fact]
    public async Task Server_stalling_past_the_request_timeout_is_retried_until_it_answers()
    {
        await using var rig = await ReliabilityRig.StartAsync(o => o.RequestTimeout = TimeSpan.FromMilliseconds(150));
        var stalls = 3;
        rig.Server.Faults = async (_, context) =>
        {
            if (Interlocked.Decrement(ref stalls) < 0)
            {
                return false;
            }

            // Longer than the client's timeout; the stalled request is then dropped, as behind a gateway that gave up.
            await Task.Delay(TimeSpan.FromMilliseconds(600), CancellationToken.None);
            context.Abort();
            return true;
        };
        var expected = Enumerable.Range(0, 4).ToDictionary(i => "slow-" + i, i => i);

        foreach (var (name, index) in expected)
        {
            rig.TrackedCall(name, index);
        }

        await rig.Tracker.FlushAsync();

        await rig.AssertExactlyArrivedAsync(expected);
        Assert.True(rig.Tracker.Statistics.DeliveryFailures >= 3);
    }

    [Fact]
    public async Task Dispose_with_queued_data_delivers_it_before_returning()
    {
        await using var rig = await ReliabilityRig.StartAsync(o => o.BatchInterval = TimeSpan.FromMinutes(5));
        var expected = Enumerable.Range(0, 40).ToDictionary(i => "queued-" + i, i => i);
        foreach (var (name, index) in expected)
        {
            rig.TrackedCall(name, index);
        }

        rig.Tracker.Dispose(); // what process shutdown does: flush bounded by FlushTimeout

        await rig.AssertExactlyArrivedAsync(expected);
        Assert.Equal(0, rig.Tracker.Statistics.PendingOperations);
        Assert.Equal(0, rig.Tracker.Statistics.OperationsDropped);
    }

    [Fact]
    public async Task Dispose_while_the_server_is_down_spools_the_run_and_the_next_tracker_delivers_it_whole()
    {
        await using var rig = await ReliabilityRig.StartAsync(o => o.FlushTimeout = TimeSpan.FromMilliseconds(500));
        rig.Server.Faults = ReliabilityRig.Unavailable;
        rig.TrackedCall("spooled", 1);

        rig.Tracker.Dispose();

        var statistics = rig.Tracker.Statistics;
        Assert.Equal(0, rig.Server.ServedCount);
        Assert.Equal(5, statistics.OperationsQueued); // create, param, two metric points, terminate
        Assert.Equal(statistics.OperationsQueued, statistics.OperationsSpooled);
        Assert.Equal(0, statistics.OperationsDropped + statistics.PendingOperations + statistics.OperationsDelivered);
        Assert.Equal(1, rig.Spool.FileCount);

        rig.Server.Faults = null;
        await using var next = new BackgroundRunTracker(rig.Options);
        var replay = await next.ReplaySpoolAsync();

        Assert.Equal(new SpoolReplayResult(1, 1, 5, 0), replay);
        await rig.AssertExactlyArrivedAsync(new Dictionary<string, int> { ["spooled"] = 1 });
        Assert.Equal(0, rig.Spool.FileCount);
    }

    [Fact]
    public async Task Replaying_a_spool_file_larger_than_the_memory_queue_does_not_spool_its_own_runs_again()
    {
        await using var rig = await ReliabilityRig.StartAsync(o => o.FlushTimeout = TimeSpan.FromMilliseconds(500));
        rig.Server.Faults = ReliabilityRig.Unavailable;
        var expected = Enumerable.Range(0, 10).ToDictionary(i => "replayed-" + i, i => i);
        foreach (var (name, index) in expected)
        {
            rig.TrackedCall(name, index);
        }

        rig.Tracker.Dispose();
        Assert.Equal(50, rig.Tracker.Statistics.OperationsSpooled);
        Assert.Equal(1, rig.Spool.FileCount);

        // The file holds five times what the next tracker's memory queue may: operations read back from the spool
        // are not callers outpacing the store, so none of them goes back to a new spool file.
        rig.Server.Faults = null;
        rig.Options.MaxQueueLength = 10;
        await using var next = new BackgroundRunTracker(rig.Options);
        var replay = await next.ReplaySpoolAsync();

        Assert.Equal(new SpoolReplayResult(1, 10, 50, 0), replay);
        Assert.Equal(0, next.Statistics.OperationsSpooled);
        await rig.AssertExactlyArrivedAsync(expected);
        Assert.Equal(0, rig.Spool.FileCount);
    }

    [Fact]
    public async Task Ten_thousand_tracked_calls_from_16_threads_arrive_each_with_exactly_its_own_data()
    {
        const int Threads = 16;
        const int CallsPerThread = 625;

        // A generous flush bound: the test is about exactness, not speed, and on a loaded 2-core machine 10,000 runs
        // over loopback HTTP can take longer than the rig's usual 15 s.
        await using var rig = await ReliabilityRig.StartAsync(o => o.FlushTimeout = TimeSpan.FromMinutes(3));
        var expected = new ConcurrentDictionary<string, int>();

        var workers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                for (var i = 0; i < CallsPerThread; i++)
                {
                    var index = (t * CallsPerThread) + i;
                    var name = "t" + t + "-call-" + i;
                    Assert.Equal(index, rig.TrackedCall(name, index));
                    expected[name] = index;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        await Task.WhenAll(workers);
        await rig.Tracker.FlushAsync();

        Assert.Equal(Threads * CallsPerThread, expected.Count);
        await rig.AssertExactlyArrivedAsync(expected);
        var statistics = rig.Tracker.Statistics;
        Assert.Equal(Threads * CallsPerThread, statistics.RunsStarted);
        Assert.Equal(statistics.OperationsQueued, statistics.OperationsDelivered);
        Assert.Equal(0, statistics.OperationsDropped);
    }

    [Fact]
    public async Task A_run_creation_carried_out_but_whose_answer_was_lost_is_found_by_its_key_not_created_twice()
    {
        await using var rig = await ReliabilityRig.StartAsync();
        using var forwarder = new HttpClient();
        var dropped = 0;
        rig.Server.Faults = async (request, context) =>
        {
            if (!request.Path.EndsWith("/runs/create", StringComparison.Ordinal) || Interlocked.Exchange(ref dropped, 1) != 0)
            {
                return false;
            }

            // The server carries the creation out, then the connection drops before the answer reaches the client.
            using var body = new StringContent(request.Body, Encoding.UTF8, "application/json");
            using var committed = await forwarder.PostAsync(new Uri(rig.Server.BaseUri, request.PathAndQuery), body, CancellationToken.None);
            Assert.True(committed.IsSuccessStatusCode);
            context.Abort();
            return true;
        };

        rig.TrackedCall("created-once", 4);
        var result = await rig.Tracker.FlushAsync();

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, dropped);
        await rig.AssertExactlyArrivedAsync(new Dictionary<string, int> { ["created-once"] = 4 });
        var run = Assert.Single(await rig.RunsOnServerAsync());
        Assert.Matches("^[0-9a-f]{32}$", run.Data.Tags["dotnet.tracking.run_key"]);
        Assert.Contains(rig.Logs.Entries, e => e.Text.Contains("already created as " + run.Info.RunId, StringComparison.Ordinal));
    }

    // The contract (docs/run-pipeline.md, "Modes"): with the store not answering, one call waits at most FlushTimeout
    // (plus the tracker's 1 s margin), later calls do not wait, and nothing is thrown into the tracked call.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Synchronous_mode_with_the_store_not_answering_returns_within_the_flush_bound_and_never_throws(bool hangs)
    {
        var flushTimeout = TimeSpan.FromSeconds(1);
        await using var rig = await ReliabilityRig.StartAsync(o =>
        {
            o.Synchronous = true;
            o.FlushTimeout = flushTimeout;
        });
        rig.Server.Faults = hangs
            ? async (_, context) =>
            {
                // Accepts the connection and never answers (a hung server behind a live socket).
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default);
                return true;
            }
            : ReliabilityRig.Reset;

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(i, rig.TrackedCall("sync-" + i, i));
        }

        var elapsed = clock.Elapsed;
        output.WriteLine($"20 synchronous calls with the store {(hangs ? "not answering" : "resetting connections")}: {elapsed.TotalSeconds:0.00} s (FlushTimeout {flushTimeout.TotalSeconds} s)");

        // The bound is one FlushTimeout plus the tracker's 1 s margin for all 20 calls (5 operations each), not one
        // per operation until the worker has marked the outage; 1.5 s more covers a loaded 2-core machine.
        var bound = flushTimeout + TimeSpan.FromSeconds(2.5);
        Assert.True(elapsed < bound, $"20 synchronous calls took {elapsed.TotalSeconds:0.00} s with the store not answering (bound {bound.TotalSeconds} s)");
        Assert.Equal(0, rig.Server.ServedCount);
        Assert.Equal(0, rig.Tracker.Statistics.OperationsDropped);

        // Nothing was lost either: what could not wait is spooled and arrives once the store answers.
        rig.Server.Faults = null;
        await Eventually.UntilAsync(() => rig.Spool.FileCount == 0 && rig.Tracker.Statistics.PendingOperations == 0);
        await rig.Tracker.FlushAsync();
        await rig.AssertExactlyArrivedAsync(Enumerable.Range(0, 20).ToDictionary(i => "sync-" + i, i => i));
    }

    [Theory]
    [InlineData("text/html", "<html><body>Proxy login</body></html>")]
    [InlineData("application/json", "{\"run\": {\"info\": {\"run_id\": \"ab")]
    public async Task Malformed_200_answers_are_logged_and_counted_and_never_reach_user_code(string contentType, string body)
    {
        await using var rig = await ReliabilityRig.StartAsync(o => o.FlushTimeout = TimeSpan.FromMilliseconds(800));
        rig.Server.Faults = (_, context) => ReliabilityRig.Respond(context, StatusCodes.Status200OK, contentType, body);

        var result = rig.TrackedCall("malformed", 7);
        await rig.Tracker.FlushAsync();
        await Eventually.UntilAsync(() => rig.Tracker.Statistics.DeliveryFailures > 0);

        Assert.Equal(7, result);
        Assert.Equal(0, rig.Server.ServedCount);
        Assert.True(rig.Tracker.Statistics.DeliveryFailures > 0);
        Assert.Equal(0, rig.Tracker.Statistics.OperationsDelivered);
        Assert.Contains(rig.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task After_malformed_answers_stop_the_queued_run_arrives_intact()
    {
        await using var rig = await ReliabilityRig.StartAsync();
        rig.Server.Faults = (_, context) => ReliabilityRig.Respond(context, StatusCodes.Status200OK, "text/html", "<html>maintenance</html>");
        rig.TrackedCall("recovered", 3);

        await rig.WaitForRequestsAsync(2);
        rig.Server.Faults = null;
        await rig.Tracker.FlushAsync();

        await rig.AssertExactlyArrivedAsync(new Dictionary<string, int> { ["recovered"] = 3 });
    }
}
