using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Reliability;

/// <summary>
/// <see cref="MlflowOptions.DeliveryConcurrency"/>: a tracker delivers several runs to a server at once, each run's
/// operations still in order and every nested run created after its parent.
/// </summary>
public sealed class ConcurrentDeliveryTests
{
    private const string CreateRunPath = "/api/2.0/mlflow/runs/create";

    [Fact]
    public async Task Runs_are_delivered_to_a_server_several_at_a_time()
    {
        await using var rig = await ReliabilityRig.StartAsync(o => o.DeliveryConcurrency = 4);
        var creations = new InFlightCounter();

        // Each creation waits (bounded) until a second one is in flight: sequential delivery would never get there.
        rig.Server.Faults = (request, _) => request.Path == CreateRunPath ? creations.HoldUntilAsync(2) : Task.FromResult(false);
        var expected = Enumerable.Range(0, 8).ToDictionary(i => "parallel-" + i, i => i);
        using (rig.Tracker.PauseDelivery())
        {
            foreach (var (name, index) in expected)
            {
                rig.TrackedCall(name, index);
            }
        }

        await rig.Tracker.FlushAsync();

        Assert.True(creations.MaxInFlight >= 2, $"at most {creations.MaxInFlight} run creations were in flight at once");
        await rig.AssertExactlyArrivedAsync(expected);
    }

    [Fact]
    public async Task Delivery_concurrency_of_one_delivers_one_run_at_a_time()
    {
        await using var rig = await ReliabilityRig.StartAsync(o => o.DeliveryConcurrency = 1);
        var creations = new InFlightCounter();
        rig.Server.Faults = (request, _) => request.Path == CreateRunPath ? creations.HoldForAsync(TimeSpan.FromMilliseconds(20)) : Task.FromResult(false);
        var expected = Enumerable.Range(0, 6).ToDictionary(i => "sequential-" + i, i => i);
        using (rig.Tracker.PauseDelivery())
        {
            foreach (var (name, index) in expected)
            {
                rig.TrackedCall(name, index);
            }
        }

        await rig.Tracker.FlushAsync();

        Assert.Equal(1, creations.MaxInFlight);
        await rig.AssertExactlyArrivedAsync(expected);
    }

    [Fact]
    public async Task Nested_runs_queued_with_their_parent_are_created_after_it_with_its_id()
    {
        await using var rig = await ReliabilityRig.StartAsync(o => o.DeliveryConcurrency = 4);
        using (rig.Tracker.PauseDelivery())
        {
            // Parent and children reach the worker in one work list, so the children could start beside the parent.
            using var parent = rig.Tracker.StartRun(new TrackedRunDefinition(ReliabilityRig.Experiment, "parent", "Reliability.Nested.parent"));
            for (var i = 0; i < 6; i++)
            {
                rig.TrackedCall("child-" + i, i);
            }

            parent.Complete();
        }

        await rig.Tracker.FlushAsync();

        var runs = await rig.RunsOnServerAsync();
        var parentRun = Assert.Single(runs, r => r.Info.RunName == "parent");
        var children = runs.Where(r => r.Info.RunName!.StartsWith("child-", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, children.Count);
        Assert.All(children, child => Assert.Equal(parentRun.Info.RunId, child.Data.Tags.GetValueOrDefault("mlflow.parentRunId")));
        Assert.Equal(RunStatus.Finished, parentRun.Info.Status);
    }

    /// <summary>Counts concurrent requests that a fault handler holds, and the most seen at once.</summary>
    private sealed class InFlightCounter
    {
        private int _inFlight;
        private int _maxInFlight;

        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        /// <summary>Holds the request until <paramref name="count"/> are in flight (at most 10 s), then lets the server answer.</summary>
        public Task<bool> HoldUntilAsync(int count) =>
            HoldWhileAsync(() => Eventually.UntilAsync(() => MaxInFlight >= count, TimeSpan.FromSeconds(10)));

        /// <summary>Holds the request for <paramref name="delay"/>, then lets the server answer.</summary>
        public Task<bool> HoldForAsync(TimeSpan delay) => HoldWhileAsync(() => Task.Delay(delay));

        /// <summary>Counts the request as in flight while <paramref name="wait"/> runs; false lets the store answer it.</summary>
        private async Task<bool> HoldWhileAsync(Func<Task> wait)
        {
            Enter();
            try
            {
                await wait();
                return false;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        private void Enter()
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }
        }
    }
}
