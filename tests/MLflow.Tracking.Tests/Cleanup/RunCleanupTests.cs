using System;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.Testing;

namespace MLflow.Tracking.Tests.Cleanup;

public sealed class RunCleanupTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static async Task<(MlflowClient Client, string ExperimentId, string OldRun, string NewRun)> SeedAsync()
    {
        var client = new MlflowClient(new InMemoryMlflowStore());
        var experimentId = await client.Experiments.CreateAsync("training");
        var old = await client.Runs.CreateAsync(experimentId, "old", startTime: Now.AddDays(-40));
        var recent = await client.Runs.CreateAsync(experimentId, "recent", startTime: Now.AddDays(-1));
        return (client, experimentId, old.Info.RunId, recent.Info.RunId);
    }

    [Fact]
    public async Task Dry_run_lists_old_runs_and_deletes_nothing()
    {
        var (client, experimentId, oldRun, _) = await SeedAsync();

        var result = await client.Runs.DeleteRunsOlderThanAsync(experimentId, TimeSpan.FromDays(30), dryRun: true);

        Assert.True(result.DryRun);
        Assert.Equal(oldRun, Assert.Single(result.Runs).RunId);
        Assert.Equal(LifecycleStage.Active, (await client.Runs.GetAsync(oldRun)).Info.LifecycleStage);
    }

    [Fact]
    public async Task Old_runs_are_deleted_and_recent_ones_kept()
    {
        var (client, experimentId, oldRun, newRun) = await SeedAsync();

        var result = await client.Runs.DeleteRunsOlderThanAsync(experimentId, TimeSpan.FromDays(30));

        Assert.Equal(1, result.Count);
        Assert.Equal(LifecycleStage.Deleted, (await client.Runs.GetAsync(oldRun)).Info.LifecycleStage);
        Assert.Equal(LifecycleStage.Active, (await client.Runs.GetAsync(newRun)).Info.LifecycleStage);
    }

    [Fact]
    public async Task Experiment_can_be_named_instead_of_its_id()
    {
        var (client, _, oldRun, _) = await SeedAsync();

        var result = await client.DeleteRunsOlderThanAsync("training", TimeSpan.FromDays(30), dryRun: true);

        Assert.Equal(oldRun, result.Runs.Single().RunId);
    }

    [Fact]
    public async Task Unknown_experiment_is_reported_as_not_found()
    {
        var (client, _, _, _) = await SeedAsync();

        await Assert.ThrowsAsync<MlflowNotFoundException>(() => client.DeleteRunsOlderThanAsync("no-such-experiment", TimeSpan.FromDays(1)));
    }

    [Fact]
    public async Task Negative_age_is_refused()
    {
        var (client, experimentId, _, _) = await SeedAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Runs.DeleteRunsOlderThanAsync(experimentId, TimeSpan.FromDays(-1)));
    }
}
