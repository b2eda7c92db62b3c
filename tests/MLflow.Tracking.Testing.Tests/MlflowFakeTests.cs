using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Testing.Tests;

public sealed class MlflowFakeTests
{
    private static readonly TrackedRunDefinition Train = new("training", "train", "Tests.Trainer.Train", new[] { new Tag("team", "vision") });

    [Fact]
    public void Fake_is_the_tracker_of_the_current_flow_while_it_lives()
    {
        using (var fake = new MlflowFake())
        {
            Assert.Same(fake.Tracker, MlflowTracking.Tracker);
        }
    }

    [Fact]
    public void Fake_records_a_tracked_call_without_a_flush()
    {
        using var fake = new MlflowFake();

        RunTracked(Train, run => run.LogMetric("loss", 0.25, step: 3));

        var run = Assert.Single(fake.Runs);
        Assert.Equal("training", run.ExperimentName);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal(0.25, Assert.Single(run.MetricHistory("loss")).Value);
    }

    [Fact]
    public void Assertions_pass_for_what_was_recorded()
    {
        using var fake = new MlflowFake();

        RunTracked(Train, run =>
        {
            run.LogParam("lr", 0.01);
            run.LogMetric("loss", 0.5, step: 2);
        });

        fake.AssertExperimentCreated("training");
        fake.AssertRunStarted("training", "train");
        fake.AssertRunTerminated(RunStatus.Finished);
        fake.AssertParamLogged("lr", "0.01");
        fake.AssertMetricLogged("loss", 0.5, step: 2);
        fake.AssertTagSet("team", "vision");
    }

    [Fact]
    public void Failing_call_is_recorded_FAILED()
    {
        using var fake = new MlflowFake();

        Assert.Throws<InvalidOperationException>(() => RunTracked(Train, _ => throw new InvalidOperationException("boom")));

        fake.AssertRunTerminated(RunStatus.Failed);
        fake.AssertTagSet("error.message", "boom");
    }

    [Fact]
    public void AssertParamLogged_failure_says_what_was_expected_and_lists_what_was_recorded()
    {
        using var fake = new MlflowFake();
        RunTracked(Train, run => run.LogParam("lr", "0.01"));

        var failure = Assert.Throws<MlflowAssertionException>(() => fake.AssertParamLogged("lr", "0.02"));

        Assert.Contains("Expected param 'lr' = '0.02'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("lr='0.01'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'train' in 'training', FINISHED", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertMetricLogged_failure_names_value_and_step()
    {
        using var fake = new MlflowFake();
        RunTracked(Train, run => run.LogMetric("loss", 0.5, step: 1));

        var failure = Assert.Throws<MlflowAssertionException>(() => fake.AssertMetricLogged("loss", 0.4, step: 1));

        Assert.Contains("Expected metric 'loss' = 0.4 at step 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("loss=0.5 @1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertRunTerminated_failure_names_the_expected_status()
    {
        using var fake = new MlflowFake();
        RunTracked(Train, _ => { });

        var failure = Assert.Throws<MlflowAssertionException>(() => fake.AssertRunTerminated(RunStatus.Killed));

        Assert.Contains("terminated as KILLED", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertExperimentCreated_failure_lists_the_experiments()
    {
        using var fake = new MlflowFake();
        RunTracked(Train, _ => { });

        var failure = Assert.Throws<MlflowAssertionException>(() => fake.AssertExperimentCreated("evaluation"));

        Assert.Contains("Expected an experiment named 'evaluation'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'training'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertRunStarted_failure_names_the_run_and_experiment()
    {
        using var fake = new MlflowFake();

        var failure = Assert.Throws<MlflowAssertionException>(() => fake.AssertRunStarted("training", "train"));

        Assert.Contains("a run named 'train' in experiment 'training'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Runs: (none)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertTagSet_failure_names_the_tag()
    {
        using var fake = new MlflowFake();

        var failure = Assert.Throws<MlflowAssertionException>(() => fake.AssertTagSet("team", "audio"));

        Assert.Contains("Expected tag 'team' = 'audio'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertNothingLogged_passes_when_nothing_was_tracked()
    {
        using var fake = new MlflowFake();

        fake.AssertNothingLogged();
        Assert.Empty(fake.Runs);
    }

    [Fact]
    public void AssertNothingLogged_fails_after_a_tracked_call()
    {
        using var fake = new MlflowFake();
        RunTracked(Train, _ => { });

        var failure = Assert.Throws<MlflowAssertionException>(fake.AssertNothingLogged);

        Assert.Contains("Expected nothing logged", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_calls_are_recorded_with_their_parent()
    {
        using var fake = new MlflowFake();
        var inner = new TrackedRunDefinition("training", "epoch", "Tests.Trainer.Epoch");

        RunTracked(Train, _ => RunTracked(inner, _ => { }));

        var parent = fake.AssertRunStarted(runName: "train");
        Assert.Equal(parent.RunId, fake.AssertRunStarted(runName: "epoch").ParentRunId);
    }

    [Fact]
    public async Task Parallel_fakes_on_separate_flows_do_not_see_each_other()
    {
        async Task<int> TrackInOwnFakeAsync(string runName)
        {
            await Task.Yield();
            using var fake = new MlflowFake();
            for (var i = 0; i < 20; i++)
            {
                RunTracked(new TrackedRunDefinition("training", runName, "Tests." + runName), run => run.LogMetric("m", i));
                await Task.Yield();
            }

            Assert.All(fake.Runs, r => Assert.Equal(runName, r.RunName));
            return fake.Runs.Count;
        }

        var counts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => TrackInOwnFakeAsync("run" + i))));

        Assert.All(counts, c => Assert.Equal(20, c));
    }

    [Fact]
    public async Task Client_of_the_fake_reads_the_recorded_runs()
    {
        using var fake = new MlflowFake();
        RunTracked(Train, run => run.LogParam("lr", "0.1"));

        var experiment = await fake.Client.Experiments.GetByNameAsync("training");
        var page = await fake.Client.Runs.SearchAsync(new[] { experiment.ExperimentId }, "params.lr = '0.1'");

        Assert.Single(page.Items);
    }

    /// <summary>The shape the source generator emits around a method body.</summary>
    private static void RunTracked(TrackedRunDefinition definition, Action<ActiveRun> body)
    {
        var tracker = MlflowTracking.Tracker;
        var run = tracker.StartRun(definition);
        try
        {
            body(run);
            run.Complete();
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
}
