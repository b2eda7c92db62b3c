using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Tests.Tracking.Support;

namespace MLflow.Tracking.Tests.Tracking;

public sealed class TrackerLifecycleTests
{
    [Fact]
    public async Task Tracked_call_creates_a_run_with_the_system_tags()
    {
        await using var harness = new TrackerHarness();
        harness.Track(TrackerHarness.Definition("train", "training", new Tag("team", "vision")), _ => 1);
        await harness.Tracker.FlushAsync();

        var run = Assert.Single(harness.Store.Inner.Runs);
        Assert.Equal("training", run.ExperimentName);
        Assert.Equal("train", run.RunName);
        Assert.Equal("train", run.Tags["mlflow.runName"]);
        Assert.Equal(Environment.UserName, run.Tags["mlflow.user"]);
        Assert.Equal("MyApp.Trainer.train", run.Tags["mlflow.source.name"]);
        Assert.Equal("LOCAL", run.Tags["mlflow.source.type"]);
        Assert.Equal("vision", run.Tags["team"]);
    }

    [Fact]
    public async Task Completed_call_ends_the_run_FINISHED_with_client_side_times()
    {
        await using var harness = new TrackerHarness();
        var before = DateTimeOffset.UtcNow.AddMilliseconds(-1);
        harness.Track(TrackerHarness.Definition(), _ => 1);
        await harness.Tracker.FlushAsync();

        var run = Assert.Single(harness.Store.Inner.Runs);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.True(run.StartTime >= before);
        Assert.True(run.EndTime >= run.StartTime);
    }

    [Fact]
    public async Task Dispose_without_Complete_ends_the_run_FINISHED()
    {
        await using var harness = new TrackerHarness();
        harness.Tracker.StartRun(TrackerHarness.Definition()).Dispose();
        await harness.Tracker.FlushAsync();

        Assert.Equal(RunStatus.Finished, Assert.Single(harness.Store.Inner.Runs).Status);
    }

    [Fact]
    public async Task Exception_ends_the_run_FAILED_with_error_tags_and_is_rethrown_unchanged()
    {
        await using var harness = new TrackerHarness();
        var thrown = new InvalidOperationException("disk full");

        var caught = Assert.Throws<InvalidOperationException>(() => harness.Track<int>(TrackerHarness.Definition(), _ => throw thrown));
        await harness.Tracker.FlushAsync();

        Assert.Same(thrown, caught);
        var run = Assert.Single(harness.Store.Inner.Runs);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("System.InvalidOperationException", run.Tags["error.type"]);
        Assert.Equal("disk full", run.Tags["error.message"]);
    }

    [Fact]
    public async Task Long_exception_messages_are_truncated_in_the_error_tag()
    {
        await using var harness = new TrackerHarness();
        Assert.Throws<InvalidOperationException>(() => harness.Track<int>(TrackerHarness.Definition(), _ => throw new InvalidOperationException(new string('x', 5000))));
        await harness.Tracker.FlushAsync();

        Assert.Equal(1000, Assert.Single(harness.Store.Inner.Runs).Tags["error.message"].Length);
    }

    [Fact]
    public async Task Cancellation_ends_the_run_KILLED()
    {
        await using var harness = new TrackerHarness();
        Assert.Throws<OperationCanceledException>(() => harness.Track<int>(TrackerHarness.Definition(), _ => throw new OperationCanceledException()));
        await harness.Tracker.FlushAsync();

        Assert.Equal(RunStatus.Killed, Assert.Single(harness.Store.Inner.Runs).Status);
    }

    [Fact]
    public async Task Fail_returns_false_so_exception_filters_do_not_catch()
    {
        await using var harness = new TrackerHarness();
        using var run = harness.Tracker.StartRun(TrackerHarness.Definition());

        Assert.False(run.Fail(new InvalidOperationException("x")));
    }

    [Fact]
    public async Task Nested_tracked_call_becomes_a_child_run_with_parentRunId()
    {
        await using var harness = new TrackerHarness();
        harness.Track(TrackerHarness.Definition("outer"), _ => harness.Track(TrackerHarness.Definition("inner"), _ => 1));
        await harness.Tracker.FlushAsync();

        var runs = harness.Store.Inner.Runs;
        var outer = runs.Single(r => r.RunName == "outer");
        var inner = runs.Single(r => r.RunName == "inner");
        Assert.Equal(outer.RunId, inner.ParentRunId);
        Assert.Null(outer.ParentRunId);
    }

    [Fact]
    public async Task Nested_run_exposes_its_parent()
    {
        await using var harness = new TrackerHarness();
        ActiveRun? parentSeen = null;
        TrackedRunScope? outerRun = null;
        harness.Track(TrackerHarness.Definition("outer"), outer =>
        {
            outerRun = outer;
            return harness.Track(TrackerHarness.Definition("inner"), inner => parentSeen = inner.Parent);
        });

        Assert.Same(outerRun, parentSeen);
    }

    [Fact]
    public async Task Current_is_the_run_across_awaits_and_restored_after_dispose()
    {
        await using var harness = new TrackerHarness();
        ActiveRun? seenAfterAwait = null;
        TrackedRunScope? started = null;

        await harness.TrackAsync(TrackerHarness.Definition(), async run =>
        {
            started = run;
            await Task.Yield();
            await Task.Delay(1);
            seenAfterAwait = ActiveRun.Current;
            return 0;
        });

        Assert.Same(started, seenAfterAwait);
        Assert.Null(ActiveRun.Current);
    }

    [Fact]
    public async Task Current_inside_a_nested_call_is_the_inner_run_and_the_outer_again_after_it()
    {
        await using var harness = new TrackerHarness();
        ActiveRun? afterInner = null;
        TrackedRunScope? outerRun = null;
        harness.Track(TrackerHarness.Definition("outer"), outer =>
        {
            outerRun = outer;
            harness.Track(TrackerHarness.Definition("inner"), inner =>
            {
                Assert.Same(inner, ActiveRun.Current);
                return 0;
            });
            afterInner = ActiveRun.Current;
            return 0;
        });

        Assert.Same(outerRun, afterInner);
    }

    [Fact]
    public async Task RunId_waits_for_the_background_creation()
    {
        await using var harness = new TrackerHarness(o => o.BatchInterval = TimeSpan.FromMinutes(5));
        string? id = null;
        harness.Track(TrackerHarness.Definition(), run => id = run.RunId);

        Assert.Equal(Assert.Single(harness.Store.Inner.Runs).RunId, id);
    }

    [Fact]
    public async Task GetRunIdAsync_returns_the_created_run_id()
    {
        await using var harness = new TrackerHarness(o => o.BatchInterval = TimeSpan.FromMinutes(5));
        using var run = harness.Tracker.StartRun(TrackerHarness.Definition());

        var id = await run.GetRunIdAsync();

        Assert.Equal(Assert.Single(harness.Store.Inner.Runs).RunId, id);
        Assert.Equal(Assert.Single(harness.Store.Inner.Runs).ExperimentId, run.ExperimentId);
    }

    [Fact]
    public async Task RunId_throws_MlflowException_when_the_run_cannot_be_created()
    {
        await using var harness = new TrackerHarness();
        await harness.Store.Inner.DeleteExperimentAsync("0", CancellationToken.None);
        using var run = harness.Tracker.StartRun(TrackerHarness.Definition(experiment: null));

        Assert.ThrowsAny<MlflowException>(() => run.RunId);
    }

    [Fact]
    public async Task Runs_without_an_experiment_go_to_Default()
    {
        await using var harness = new TrackerHarness();
        harness.Track(TrackerHarness.Definition(experiment: null), _ => 1);
        await harness.Tracker.FlushAsync();

        Assert.Equal("0", Assert.Single(harness.Store.Inner.Runs).ExperimentId);
    }

    [Fact]
    public async Task Runs_without_an_experiment_go_to_the_configured_experiment_name()
    {
        await using var harness = new TrackerHarness(o => o.ExperimentName = "from-env");
        harness.Track(TrackerHarness.Definition(experiment: null), _ => 1);
        await harness.Tracker.FlushAsync();

        Assert.Equal("from-env", Assert.Single(harness.Store.Inner.Runs).ExperimentName);
    }

    [Fact]
    public async Task Configured_experiment_id_wins_over_the_name()
    {
        await using var harness = new TrackerHarness(o => o.ExperimentName = "ignored");
        var id = await harness.Client.Experiments.CreateAsync("chosen");
        await using var byId = new BackgroundRunTracker(harness.Client, new MlflowOptions { ExperimentId = id, ExperimentName = "ignored", Synchronous = true });

        byId.StartRun(TrackerHarness.Definition(experiment: null)).Dispose();

        Assert.Equal("chosen", Assert.Single(harness.Store.Inner.Runs).ExperimentName);
    }

    [Fact]
    public async Task Experiment_is_looked_up_once_per_name()
    {
        await using var harness = new TrackerHarness();
        for (var i = 0; i < 5; i++)
        {
            harness.Track(TrackerHarness.Definition(), _ => 1);
            await harness.Tracker.FlushAsync();
        }

        Assert.Equal(1, harness.Store.Calls(nameof(ScriptedStore.GetExperimentByNameAsync)));
        Assert.Equal(5, harness.Store.Inner.Runs.Count);
    }

    [Fact]
    public async Task Configured_run_id_receives_top_level_data_and_is_not_terminated()
    {
        var existingStore = new ScriptedStore();
        var existing = await existingStore.Inner.CreateRunAsync(new CreateRunRequest { ExperimentId = "0", RunName = "outside" }, CancellationToken.None);
        await using var client = new MlflowClient(existingStore);
        await using var tracker = new BackgroundRunTracker(client, new MlflowOptions { RunId = existing.Info.RunId, Synchronous = true });

        var run = tracker.StartRun(TrackerHarness.Definition());
        run.LogParam("lr", "0.1");
        run.Complete();
        run.Dispose();

        var recorded = Assert.Single(existingStore.Inner.Runs);
        Assert.Equal(existing.Info.RunId, recorded.RunId);
        Assert.Equal("0.1", recorded.Params["lr"]);
        Assert.Equal(RunStatus.Running, recorded.Status);
        Assert.Equal("outside", recorded.RunName);
    }

    [Fact]
    public async Task Nested_call_under_a_configured_run_id_is_its_child()
    {
        var store = new ScriptedStore();
        var existing = await store.Inner.CreateRunAsync(new CreateRunRequest { ExperimentId = "0", RunName = "outside" }, CancellationToken.None);
        await using var client = new MlflowClient(store);
        await using var tracker = new BackgroundRunTracker(client, new MlflowOptions { RunId = existing.Info.RunId, Synchronous = true });

        using (tracker.StartRun(TrackerHarness.Definition("outer")))
        {
            tracker.StartRun(TrackerHarness.Definition("inner")).Dispose();
        }

        var child = store.Inner.Runs.Single(r => r.RunName == "inner");
        Assert.Equal(existing.Info.RunId, child.ParentRunId);
    }
}
