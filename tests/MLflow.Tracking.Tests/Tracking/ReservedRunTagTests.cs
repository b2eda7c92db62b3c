using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.Tests.Tracking.Support;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Tests.Tracking;

/// <summary>
/// A constant tag under a key MLflow reserves (<c>[RunTag("mlflow.runName", ...)]</c>) once made MLflow refuse the whole
/// run ("Both 'run_name' argument and 'mlflow.runName' tag are specified", transcript 050): the run is recorded, the tag
/// refused with a warning naming the key.
/// </summary>
public sealed class ReservedRunTagTests
{
    [Fact]
    public async Task Reserved_constant_tags_are_refused_and_the_run_is_still_recorded()
    {
        await using var harness = new TrackerHarness();
        var definition = TrackerHarness.Definition(
            "train",
            "training",
            new Tag("mlflow.runName", "renamed"),
            new Tag("mlflow.user", "someone-else"),
            new Tag("team", "vision"),
            new Tag("mlflow.note.content", "a description"));

        harness.Track(definition, _ => 0);
        harness.Track(definition, _ => 0);
        await harness.Tracker.FlushAsync();

        Assert.Equal(2, harness.Store.Inner.Runs.Count);
        foreach (var run in harness.Store.Inner.Runs)
        {
            Assert.Equal("train", run.Tags["mlflow.runName"]);
            Assert.NotEqual("someone-else", run.Tags["mlflow.user"]);
            Assert.Equal("vision", run.Tags["team"]);
            Assert.Equal("a description", run.Tags["mlflow.note.content"]);
        }

        var warnings = harness.Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Text).ToList();
        Assert.Single(warnings, w => w.Contains("'mlflow.runName'", System.StringComparison.Ordinal) && w.Contains("MyApp.Trainer.train", System.StringComparison.Ordinal));
        Assert.Single(warnings, w => w.Contains("'mlflow.user'", System.StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("mlflow.note.content", System.StringComparison.Ordinal) || w.Contains("'team'", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Definition_keeps_only_the_tags_MLflow_accepts()
    {
        var definition = new TrackedRunDefinition("e", "r", "S.r", new[] { new Tag("mlflow.parentRunId", "x"), new Tag("mlflowish", "ok") });

        Assert.Equal(new[] { "mlflowish" }, definition.Tags.Select(t => t.Key));
    }
}
