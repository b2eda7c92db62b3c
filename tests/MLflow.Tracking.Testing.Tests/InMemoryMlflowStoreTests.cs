using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Testing.Tests;

public sealed class InMemoryMlflowStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly InMemoryMlflowStore _store = new();

    [Fact]
    public async Task New_store_has_the_Default_experiment_with_id_0()
    {
        var experiment = await _store.GetExperimentByNameAsync("Default", None);

        Assert.Equal("0", experiment.ExperimentId);
    }

    [Fact]
    public async Task Experiment_ids_count_up_from_1()
    {
        Assert.Equal("1", await _store.CreateExperimentAsync("a", null, Array.Empty<Tag>(), None));
        Assert.Equal("2", await _store.CreateExperimentAsync("b", null, Array.Empty<Tag>(), None));
    }

    [Fact]
    public async Task Duplicate_experiment_name_is_refused_even_when_deleted()
    {
        var id = await _store.CreateExperimentAsync("a", null, Array.Empty<Tag>(), None);
        await _store.DeleteExperimentAsync(id, None);

        await Assert.ThrowsAsync<MlflowAlreadyExistsException>(() => _store.CreateExperimentAsync("a", null, Array.Empty<Tag>(), None));
    }

    [Fact]
    public async Task Unknown_experiment_is_not_found()
    {
        await Assert.ThrowsAsync<MlflowNotFoundException>(() => _store.GetExperimentAsync("99", None));
    }

    [Fact]
    public async Task Run_ids_are_32_hex_digits()
    {
        var run = await _store.CreateRunAsync(new CreateRunRequest { ExperimentId = "0" }, None);

        Assert.Matches("^[0-9a-f]{32}$", run.Info.RunId);
        Assert.Equal(RunStatus.Running, run.Info.Status);
    }

    [Fact]
    public async Task Run_in_a_deleted_experiment_is_refused()
    {
        var id = await _store.CreateExperimentAsync("a", null, Array.Empty<Tag>(), None);
        await _store.DeleteExperimentAsync(id, None);

        await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => _store.CreateRunAsync(new CreateRunRequest { ExperimentId = id }, None));
    }

    [Fact]
    public async Task Param_is_immutable_but_the_same_value_again_is_fine()
    {
        var runId = await NewRunAsync();
        await _store.LogParamAsync(runId, new Param("lr", "0.1"), None);
        await _store.LogParamAsync(runId, new Param("lr", "0.1"), None);

        await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => _store.LogParamAsync(runId, new Param("lr", "0.2"), None));
    }

    [Fact]
    public async Task Run_reports_the_latest_metric_by_step_then_timestamp()
    {
        var runId = await NewRunAsync();
        var t = DateTimeOffset.UtcNow;
        await _store.LogMetricAsync(runId, new Metric("loss", 3, t, 5), None);
        await _store.LogMetricAsync(runId, new Metric("loss", 1, t.AddSeconds(1), 2), None);

        var run = await _store.GetRunAsync(runId, None);

        Assert.Equal(3, Assert.Single(run.Data.Metrics).Value);
    }

    [Fact]
    public async Task Metric_history_pages_with_offset_tokens()
    {
        var runId = await NewRunAsync();
        for (var i = 0; i < 5; i++)
        {
            await _store.LogMetricAsync(runId, new Metric("m", i, DateTimeOffset.UtcNow, i), None);
        }

        var first = await _store.GetMetricHistoryAsync(runId, "m", 2, null, None);
        var second = await _store.GetMetricHistoryAsync(runId, "m", 2, first.NextPageToken, None);

        Assert.Equal("eyJvZmZzZXQiOiAyfQ==", first.NextPageToken);
        Assert.Equal(new[] { 2.0, 3.0 }, second.Items.Select(m => m.Value));
    }

    [Fact]
    public async Task Garbage_page_token_is_refused()
    {
        await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => _store.SearchExperimentsAsync(new ExperimentSearchRequest { PageToken = "not base64!" }, None));
    }

    [Theory]
    [InlineData("bad key!")]
    [InlineData("a/../b")]
    [InlineData("")]
    public async Task Invalid_keys_are_refused(string key)
    {
        var runId = await NewRunAsync();

        await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => _store.LogMetricAsync(runId, new Metric(key, 1, DateTimeOffset.UtcNow), None));
    }

    [Fact]
    public async Task Key_of_250_characters_is_accepted_and_251_refused()
    {
        var runId = await NewRunAsync();
        await _store.SetTagAsync(runId, new Tag(new string('k', 250), "v"), None);

        await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => _store.SetTagAsync(runId, new Tag(new string('k', 251), "v"), None));
    }

    [Fact]
    public async Task Long_param_and_tag_values_are_truncated()
    {
        var runId = await NewRunAsync();
        await _store.LogParamAsync(runId, new Param("p", new string('x', 6001)), None);
        await _store.SetTagAsync(runId, new Tag("t", new string('x', 8001)), None);

        var run = await _store.GetRunAsync(runId, None);

        Assert.Equal(6000, run.Data.Params["p"].Length);
        Assert.Equal(8000, run.Data.Tags["t"].Length);
    }

    [Fact]
    public async Task Refused_batch_changes_nothing()
    {
        var runId = await NewRunAsync();

        await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => _store.LogBatchAsync(
            runId,
            new[] { new Metric("ok", 1, DateTimeOffset.UtcNow) },
            new[] { new Param("dup", "1"), new Param("dup", "2") },
            Array.Empty<Tag>(),
            None));

        Assert.Empty((await _store.GetRunAsync(runId, None)).Data.Metrics);
    }

    [Fact]
    public async Task Batch_over_1000_metrics_is_refused()
    {
        var runId = await NewRunAsync();
        var metrics = Enumerable.Range(0, 1001).Select(i => new Metric("m", i, DateTimeOffset.UtcNow, i)).ToArray();

        await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => _store.LogBatchAsync(runId, metrics, Array.Empty<Param>(), Array.Empty<Tag>(), None));
    }

    [Fact]
    public async Task Logging_to_a_deleted_run_is_refused()
    {
        var runId = await NewRunAsync();
        await _store.DeleteRunAsync(runId, None);

        await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => _store.SetTagAsync(runId, new Tag("k", "v"), None));
    }

    [Fact]
    public async Task Deleting_an_unknown_tag_is_not_found()
    {
        var runId = await NewRunAsync();

        await Assert.ThrowsAsync<MlflowNotFoundException>(() => _store.DeleteTagAsync(runId, "never-set", None));
    }

    [Fact]
    public async Task Search_runs_respects_the_view_type()
    {
        var kept = await NewRunAsync();
        var deleted = await NewRunAsync();
        await _store.DeleteRunAsync(deleted, None);

        var active = await _store.SearchRunsAsync(new RunSearchRequest { ExperimentIds = new[] { "0" } }, None);
        var onlyDeleted = await _store.SearchRunsAsync(new RunSearchRequest { ExperimentIds = new[] { "0" }, ViewType = ViewType.DeletedOnly }, None);

        Assert.Equal(kept, Assert.Single(active.Items).Info.RunId);
        Assert.Equal(deleted, Assert.Single(onlyDeleted.Items).Info.RunId);
    }

    [Fact]
    public async Task Search_runs_filters_on_metrics_and_params()
    {
        var good = await NewRunAsync();
        var bad = await NewRunAsync();
        await _store.LogBatchAsync(good, new[] { new Metric("rmse", 0.5, DateTimeOffset.UtcNow) }, new[] { new Param("model", "tree") }, Array.Empty<Tag>(), None);
        await _store.LogBatchAsync(bad, new[] { new Metric("rmse", 2, DateTimeOffset.UtcNow) }, new[] { new Param("model", "tree") }, Array.Empty<Tag>(), None);

        var page = await _store.SearchRunsAsync(new RunSearchRequest { ExperimentIds = new[] { "0" }, Filter = "metrics.rmse < 1 AND params.model = 'tree'" }, None);

        Assert.Equal(good, Assert.Single(page.Items).Info.RunId);
    }

    [Fact]
    public async Task Search_runs_orders_newest_first_by_default_and_pages()
    {
        // Distinct start times: MLflow breaks start_time ties by run id, which is random.
        var start = DateTimeOffset.UtcNow;
        var ids = new[] { await NewRunAsync(start), await NewRunAsync(start.AddSeconds(1)), await NewRunAsync(start.AddSeconds(2)) };

        var first = await _store.SearchRunsAsync(new RunSearchRequest { ExperimentIds = new[] { "0" }, MaxResults = 2 }, None);
        var rest = await _store.SearchRunsAsync(new RunSearchRequest { ExperimentIds = new[] { "0" }, MaxResults = 2, PageToken = first.NextPageToken }, None);

        Assert.Equal(ids.Reverse(), first.Items.Concat(rest.Items).Select(r => r.Info.RunId));
        Assert.Null(rest.NextPageToken);
    }

    [Fact]
    public async Task Search_experiments_filters_by_name_like()
    {
        await _store.CreateExperimentAsync("train-a", null, Array.Empty<Tag>(), None);
        await _store.CreateExperimentAsync("eval-b", null, Array.Empty<Tag>(), None);

        var page = await _store.SearchExperimentsAsync(new ExperimentSearchRequest { Filter = "name LIKE 'train%'" }, None);

        Assert.Equal("train-a", Assert.Single(page.Items).Name);
    }

    [Fact]
    public async Task Update_run_sets_status_end_time_and_name()
    {
        var runId = await NewRunAsync();
        var end = DateTimeOffset.UtcNow;

        var info = await _store.UpdateRunAsync(runId, RunStatus.Finished, end, "renamed", None);

        Assert.Equal(RunStatus.Finished, info.Status);
        Assert.Equal(end.ToUnixTimeMilliseconds(), info.EndTime!.Value.ToUnixTimeMilliseconds());
        Assert.Equal("renamed", (await _store.GetRunAsync(runId, None)).Data.Tags["mlflow.runName"]);
    }

    private async Task<string> NewRunAsync(DateTimeOffset? startTime = null) => (await _store.CreateRunAsync(new CreateRunRequest { ExperimentId = "0", StartTime = startTime ?? DateTimeOffset.UtcNow }, None)).Info.RunId;
}
