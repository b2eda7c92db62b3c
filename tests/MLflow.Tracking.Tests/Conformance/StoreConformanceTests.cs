using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MLflow.Tracking.Stores;

namespace MLflow.Tracking.Tests.Conformance;

/// <summary>
/// The behaviour every store must share with MLflow's tracking server, exercised through <see cref="MlflowClient"/>.
/// Derive once per store (SQLite, in-memory fake, REST replay) and implement <see cref="CreateStoreAsync"/>.
/// Nothing here assumes a particular store: ids are whatever the store returns, names are unique per test.
/// </summary>
public abstract class StoreConformanceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    private MlflowStore? _store;

    /// <summary>A new, empty store (apart from what the store creates by itself, such as MLflow's Default experiment).</summary>
    protected abstract Task<MlflowStore> CreateStoreAsync();

    /// <summary>The client over the store of the current test.</summary>
    protected MlflowClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        Client = new MlflowClient(_store);
    }

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    protected static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    protected async Task<string> NewExperimentAsync() => await Client.Experiments.CreateAsync(UniqueName("exp"));

    protected async Task<Run> NewRunAsync(string experimentId, string? name = null, DateTimeOffset? start = null) =>
        await Client.Runs.CreateAsync(new CreateRunRequest { ExperimentId = experimentId, RunName = name ?? UniqueName("run"), StartTime = start ?? T0 });

    // ---- experiments ----

    [Fact]
    public async Task CreateExperiment_then_Get_returns_it_active_with_its_tags()
    {
        var name = UniqueName("exp");
        var id = await Client.Experiments.CreateAsync(name, tags: [new("team", "ml")]);

        var experiment = await Client.Experiments.GetAsync(id);

        Assert.Equal(id, experiment.ExperimentId);
        Assert.Equal(name, experiment.Name);
        Assert.Equal(LifecycleStage.Active, experiment.LifecycleStage);
        Assert.Equal("ml", experiment.Tags["team"]);
        Assert.NotNull(experiment.ArtifactLocation);
    }

    [Fact]
    public async Task CreateExperiment_returns_a_decimal_id()
    {
        var id = await NewExperimentAsync();

        Assert.True(long.TryParse(id, out _), id);
    }

    [Fact]
    public async Task CreateExperiment_with_artifact_location_keeps_it()
    {
        var id = await Client.Experiments.CreateAsync(UniqueName("exp"), "/custom/artifacts");

        Assert.Equal("/custom/artifacts", (await Client.Experiments.GetAsync(id)).ArtifactLocation);
    }

    [Fact]
    public async Task GetByName_returns_the_experiment()
    {
        var name = UniqueName("exp");
        var id = await Client.Experiments.CreateAsync(name);

        Assert.Equal(id, (await Client.Experiments.GetByNameAsync(name)).ExperimentId);
    }

    [Fact]
    public async Task CreateExperiment_with_a_taken_name_throws_AlreadyExists()
    {
        var name = UniqueName("exp");
        await Client.Experiments.CreateAsync(name);

        var error = await Assert.ThrowsAsync<MlflowAlreadyExistsException>(() => Client.Experiments.CreateAsync(name));

        Assert.Equal(MlflowErrorCodes.ResourceAlreadyExists, error.ErrorCode);
    }

    [Fact]
    public async Task CreateExperiment_with_the_name_of_a_deleted_experiment_throws_AlreadyExists()
    {
        var name = UniqueName("exp");
        await Client.Experiments.DeleteAsync(await Client.Experiments.CreateAsync(name));

        await Assert.ThrowsAsync<MlflowAlreadyExistsException>(() => Client.Experiments.CreateAsync(name));
    }

    [Fact]
    public async Task GetExperiment_of_an_unknown_id_throws_NotFound_with_MLflows_message()
    {
        var error = await Assert.ThrowsAsync<MlflowNotFoundException>(() => Client.Experiments.GetAsync("999999"));

        Assert.Equal("No Experiment with id=999999 exists", error.Message);
        Assert.Equal(MlflowErrorCodes.ResourceDoesNotExist, error.ErrorCode);
    }

    [Fact]
    public async Task GetByName_of_an_unknown_name_throws_NotFound_with_MLflows_message()
    {
        var error = await Assert.ThrowsAsync<MlflowNotFoundException>(() => Client.Experiments.GetByNameAsync("does-not-exist"));

        Assert.Equal("Could not find experiment with name 'does-not-exist'", error.Message);
    }

    [Fact]
    public async Task DeleteExperiment_marks_it_and_its_runs_deleted()
    {
        var id = await NewExperimentAsync();
        var run = await NewRunAsync(id);

        await Client.Experiments.DeleteAsync(id);

        Assert.Equal(LifecycleStage.Deleted, (await Client.Experiments.GetAsync(id)).LifecycleStage);
        Assert.Equal(LifecycleStage.Deleted, (await Client.Runs.GetAsync(run.Info.RunId)).Info.LifecycleStage);
    }

    [Fact]
    public async Task DeleteExperiment_twice_throws_NotFound()
    {
        var id = await NewExperimentAsync();
        await Client.Experiments.DeleteAsync(id);

        var error = await Assert.ThrowsAsync<MlflowNotFoundException>(() => Client.Experiments.DeleteAsync(id));

        Assert.Equal($"No Experiment with id={id} exists", error.Message);
    }

    [Fact]
    public async Task RestoreExperiment_makes_it_and_its_runs_active_again()
    {
        var id = await NewExperimentAsync();
        var run = await NewRunAsync(id);
        await Client.Experiments.DeleteAsync(id);

        await Client.Experiments.RestoreAsync(id);

        Assert.Equal(LifecycleStage.Active, (await Client.Experiments.GetAsync(id)).LifecycleStage);
        Assert.Equal(LifecycleStage.Active, (await Client.Runs.GetAsync(run.Info.RunId)).Info.LifecycleStage);
    }

    [Fact]
    public async Task UpdateExperiment_renames_it()
    {
        var id = await NewExperimentAsync();
        var newName = UniqueName("renamed");

        await Client.Experiments.UpdateAsync(id, newName);

        Assert.Equal(newName, (await Client.Experiments.GetAsync(id)).Name);
    }

    [Fact]
    public async Task SetExperimentTag_overwrites_and_DeleteExperimentTag_removes()
    {
        var id = await NewExperimentAsync();
        await Client.Experiments.SetTagAsync(id, "k", "1");
        await Client.Experiments.SetTagAsync(id, "k", "2");
        await Client.Experiments.SetTagAsync(id, "gone", "x");

        await Client.Experiments.DeleteTagAsync(id, "gone");

        var tags = (await Client.Experiments.GetAsync(id)).Tags;
        Assert.Equal("2", tags["k"]);
        Assert.False(tags.ContainsKey("gone"));
    }

    [Fact]
    public async Task SetExperimentTag_on_an_unknown_experiment_throws_NotFound()
    {
        await Assert.ThrowsAsync<MlflowNotFoundException>(() => Client.Experiments.SetTagAsync("999999", "k", "v"));
    }

    // ---- runs ----

    [Fact]
    public async Task CreateRun_returns_a_running_run_with_its_name_tag_and_start_time()
    {
        var experimentId = await NewExperimentAsync();

        var run = await Client.Runs.CreateAsync(new CreateRunRequest { ExperimentId = experimentId, RunName = "first", StartTime = T0, Tags = [new("model_type", "classifier")] });

        Assert.Matches("^[0-9a-f]{32}$", run.Info.RunId);
        Assert.Equal(experimentId, run.Info.ExperimentId);
        Assert.Equal("first", run.Info.RunName);
        Assert.Equal(RunStatus.Running, run.Info.Status);
        Assert.Equal(T0, run.Info.StartTime);
        Assert.Null(run.Info.EndTime);
        Assert.Equal(LifecycleStage.Active, run.Info.LifecycleStage);
        Assert.Equal("first", run.Data.Tags["mlflow.runName"]);
        Assert.Equal("classifier", run.Data.Tags["model_type"]);
    }

    [Fact]
    public async Task CreateRun_stores_the_user_id()
    {
        var experimentId = await NewExperimentAsync();

        var run = await Client.Runs.CreateAsync(new CreateRunRequest { ExperimentId = experimentId, RunName = "u", UserId = "alice", StartTime = T0 });

        Assert.Equal("alice", (await Client.Runs.GetAsync(run.Info.RunId)).Info.UserId);
    }

    [Fact]
    public async Task CreateRun_without_a_name_gets_a_generated_one_in_the_runName_tag()
    {
        var experimentId = await NewExperimentAsync();

        var run = await Client.Runs.CreateAsync(new CreateRunRequest { ExperimentId = experimentId, StartTime = T0 });

        Assert.False(string.IsNullOrEmpty(run.Info.RunName));
        Assert.Equal(run.Info.RunName, run.Data.Tags["mlflow.runName"]);
    }

    [Fact]
    public async Task CreateRun_with_a_name_differing_from_the_runName_tag_throws_InvalidParameter()
    {
        var experimentId = await NewExperimentAsync();

        var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => Client.Runs.CreateAsync(
            new CreateRunRequest { ExperimentId = experimentId, RunName = "name-field", StartTime = T0, Tags = [new("mlflow.runName", "name-tag")] }));

        Assert.Equal("Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='name-field', mlflow.runName='name-tag').", error.Message);
    }

    [Fact]
    public async Task CreateRun_in_a_deleted_experiment_throws_InvalidParameter()
    {
        var experimentId = await NewExperimentAsync();
        await Client.Experiments.DeleteAsync(experimentId);

        var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => NewRunAsync(experimentId));

        Assert.Equal($"The experiment {experimentId} must be in the 'active' state. Current state is deleted.", error.Message);
    }

    [Fact]
    public async Task CreateRun_in_an_unknown_experiment_throws_NotFound()
    {
        await Assert.ThrowsAsync<MlflowNotFoundException>(() => NewRunAsync("999999"));
    }

    [Fact]
    public async Task GetRun_of_an_unknown_id_throws_NotFound_with_MLflows_message()
    {
        var error = await Assert.ThrowsAsync<MlflowNotFoundException>(() => Client.Runs.GetAsync("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));

        Assert.Equal("Run with id=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb not found", error.Message);
    }

    [Fact]
    public async Task SetTerminated_sets_status_and_end_time()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var end = T0.AddMinutes(5);

        var info = await Client.Runs.SetTerminatedAsync(run.Info.RunId, RunStatus.Failed, end);

        Assert.Equal(RunStatus.Failed, info.Status);
        Assert.Equal(end, info.EndTime);
        Assert.Equal(RunStatus.Failed, (await Client.Runs.GetAsync(run.Info.RunId)).Info.Status);
    }

    [Fact]
    public async Task UpdateRun_with_a_name_renames_run_and_runName_tag()
    {
        var run = await NewRunAsync(await NewExperimentAsync());

        await Client.Runs.UpdateAsync(run.Info.RunId, runName: "renamed");

        var back = await Client.Runs.GetAsync(run.Info.RunId);
        Assert.Equal("renamed", back.Info.RunName);
        Assert.Equal("renamed", back.Data.Tags["mlflow.runName"]);
        Assert.Equal(RunStatus.Running, back.Info.Status);
    }

    [Fact]
    public async Task SetTag_runName_renames_the_run()
    {
        var run = await NewRunAsync(await NewExperimentAsync());

        await Client.Runs.SetTagAsync(run.Info.RunId, "mlflow.runName", "renamed-by-tag");

        Assert.Equal("renamed-by-tag", (await Client.Runs.GetAsync(run.Info.RunId)).Info.RunName);
    }

    [Fact]
    public async Task UpdateRun_of_an_unknown_run_throws_NotFound()
    {
        var error = await Assert.ThrowsAsync<MlflowNotFoundException>(() => Client.Runs.SetTerminatedAsync("cccccccccccccccccccccccccccccccc"));

        Assert.Equal("Run with id=cccccccccccccccccccccccccccccccc not found", error.Message);
    }

    [Fact]
    public async Task DeleteRun_marks_it_deleted_and_RestoreRun_brings_it_back()
    {
        var run = await NewRunAsync(await NewExperimentAsync());

        await Client.Runs.DeleteAsync(run.Info.RunId);
        Assert.Equal(LifecycleStage.Deleted, (await Client.Runs.GetAsync(run.Info.RunId)).Info.LifecycleStage);

        await Client.Runs.RestoreAsync(run.Info.RunId);
        Assert.Equal(LifecycleStage.Active, (await Client.Runs.GetAsync(run.Info.RunId)).Info.LifecycleStage);
    }

    [Fact]
    public async Task DeleteRun_twice_is_accepted()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Client.Runs.DeleteAsync(run.Info.RunId);

        await Client.Runs.DeleteAsync(run.Info.RunId);

        Assert.Equal(LifecycleStage.Deleted, (await Client.Runs.GetAsync(run.Info.RunId)).Info.LifecycleStage);
    }

    [Fact]
    public async Task Logging_to_a_deleted_run_throws_InvalidParameter()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Client.Runs.DeleteAsync(run.Info.RunId);

        var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => Client.Runs.LogMetricAsync(run.Info.RunId, "x", 1, T0));

        Assert.Equal($"The run {run.Info.RunId} must be in the 'active' state. Current state is deleted.", error.Message);
    }

    [Fact]
    public async Task Logging_to_a_finished_run_is_accepted()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Client.Runs.SetTerminatedAsync(run.Info.RunId);

        await Client.Runs.LogMetricAsync(run.Info.RunId, "late", 1, T0);

        Assert.Single((await Client.Runs.GetAsync(run.Info.RunId)).Data.Metrics);
    }

    [Fact]
    public async Task Logging_to_an_unknown_run_throws_NotFound()
    {
        await Assert.ThrowsAsync<MlflowNotFoundException>(() => Client.Runs.LogParamAsync("dddddddddddddddddddddddddddddddd", "k", "v"));
    }

    // ---- params and tags ----

    [Fact]
    public async Task LogParam_with_the_same_value_again_is_accepted()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Client.Runs.LogParamAsync(run.Info.RunId, "lr", "0.01");

        await Client.Runs.LogParamAsync(run.Info.RunId, "lr", "0.01");

        Assert.Equal("0.01", (await Client.Runs.GetAsync(run.Info.RunId)).Data.Params["lr"]);
    }

    [Fact]
    public async Task LogParam_with_a_changed_value_throws_MLflows_message()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Client.Runs.LogParamAsync(run.Info.RunId, "lr", "0.01");

        var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => Client.Runs.LogParamAsync(run.Info.RunId, "lr", "0.02"));

        Assert.Equal($"Changing param values is not allowed. Param with key='lr' was already logged with value='0.01' for run ID='{run.Info.RunId}'. Attempted logging new value '0.02'.", error.Message);
        Assert.Equal(MlflowErrorCodes.InvalidParameterValue, error.ErrorCode);
    }

    [Fact]
    public async Task LogBatch_with_a_changed_param_throws_MLflows_message_and_keeps_nothing_of_the_batch()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Client.Runs.LogParamAsync(run.Info.RunId, "lr", "0.01");

        var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() =>
            Client.Runs.LogBatchAsync(run.Info.RunId, [new Metric("m", 1, T0)], [new Param("lr", "0.5")], [new Tag("t", "v")]));

        Assert.Equal($"Changing param values is not allowed. Params were already logged='[{{'key': 'lr', 'old_value': '0.01', 'new_value': '0.5'}}]' for run ID='{run.Info.RunId}'.", error.Message);
        var back = await Client.Runs.GetAsync(run.Info.RunId);
        Assert.Empty(back.Data.Metrics);
        Assert.False(back.Data.Tags.ContainsKey("t"));
    }

    [Fact]
    public async Task LogParam_over_6000_characters_is_truncated()
    {
        var run = await NewRunAsync(await NewExperimentAsync());

        await Client.Runs.LogBatchAsync(run.Info.RunId, parameters: [new Param("long", new string('p', 6001))]);

        Assert.Equal(6000, (await Client.Runs.GetAsync(run.Info.RunId)).Data.Params["long"].Length);
    }

    [Fact]
    public async Task SetTag_overwrites_and_DeleteTag_removes()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Client.Runs.SetTagAsync(run.Info.RunId, "k", "1");
        await Client.Runs.SetTagAsync(run.Info.RunId, "k", "2");
        await Client.Runs.SetTagAsync(run.Info.RunId, "gone", "x");

        await Client.Runs.DeleteTagAsync(run.Info.RunId, "gone");

        var tags = (await Client.Runs.GetAsync(run.Info.RunId)).Data.Tags;
        Assert.Equal("2", tags["k"]);
        Assert.False(tags.ContainsKey("gone"));
    }

    [Fact]
    public async Task DeleteTag_of_a_key_never_set_throws_NotFound_with_MLflows_message()
    {
        var run = await NewRunAsync(await NewExperimentAsync());

        var error = await Assert.ThrowsAsync<MlflowNotFoundException>(() => Client.Runs.DeleteTagAsync(run.Info.RunId, "never-set"));

        Assert.Equal($"No tag with name: never-set in run with id {run.Info.RunId}", error.Message);
    }

    // ---- metrics ----

    [Fact]
    public async Task Latest_metric_is_the_point_with_the_highest_step_even_if_logged_earlier()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Client.Runs.LogMetricAsync(run.Info.RunId, "loss", 0.1, T0, step: 5);
        await Client.Runs.LogMetricAsync(run.Info.RunId, "loss", 0.9, T0.AddSeconds(10), step: 1);

        var metric = Assert.Single((await Client.Runs.GetAsync(run.Info.RunId)).Data.Metrics);

        Assert.Equal(new Metric("loss", 0.1, T0, 5), metric);
    }

    [Fact]
    public async Task Latest_metric_on_the_same_step_is_the_later_timestamp_then_the_higher_value()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Client.Runs.LogBatchAsync(run.Info.RunId, [new Metric("a", 2, T0.AddSeconds(1), 3), new Metric("a", 1, T0, 3), new Metric("b", 1, T0, 0), new Metric("b", 7, T0, 0), new Metric("b", 3, T0, 0)]);

        var metrics = (await Client.Runs.GetAsync(run.Info.RunId)).Data.Metrics.ToDictionary(m => m.Key);

        Assert.Equal(2, metrics["a"].Value);
        Assert.Equal(7, metrics["b"].Value);
    }

    [Fact]
    public async Task NaN_and_infinities_read_back_as_MLflow_returns_them()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Client.Runs.LogBatchAsync(run.Info.RunId, [new Metric("nan", double.NaN, T0), new Metric("pinf", double.PositiveInfinity, T0), new Metric("ninf", double.NegativeInfinity, T0)]);

        var metrics = (await Client.Runs.GetAsync(run.Info.RunId)).Data.Metrics.ToDictionary(m => m.Key, m => m.Value);
        var history = await Client.Runs.GetMetricHistoryAsync(run.Info.RunId, "pinf");

        Assert.True(double.IsNaN(metrics["nan"]));
        Assert.True(metrics["pinf"] is double.MaxValue or double.PositiveInfinity, metrics["pinf"].ToString("R"));
        Assert.True(metrics["ninf"] is double.MinValue or double.NegativeInfinity, metrics["ninf"].ToString("R"));
        Assert.True(Assert.Single(history).Value is double.MaxValue or double.PositiveInfinity);
    }

    [Fact]
    public async Task GetMetricHistory_returns_every_point_in_step_order()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Client.Runs.LogBatchAsync(run.Info.RunId, [new Metric("acc", 0.3, T0, 2), new Metric("acc", 0.1, T0, 0), new Metric("acc", 0.2, T0, 1), new Metric("other", 5, T0, 0)]);

        var history = await Client.Runs.GetMetricHistoryAsync(run.Info.RunId, "acc");

        Assert.Equal([0.1, 0.2, 0.3], history.Select(m => m.Value).ToArray());
        Assert.Equal([0L, 1L, 2L], history.Select(m => m.Step).ToArray());
    }

    [Fact]
    public async Task GetMetricHistory_pages_with_MLflows_offset_tokens()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Client.Runs.LogBatchAsync(run.Info.RunId, Enumerable.Range(0, 5).Select(i => new Metric("acc", i, T0, i)));

        var first = await Client.Runs.GetMetricHistoryPageAsync(run.Info.RunId, "acc", maxResults: 2);
        var second = await Client.Runs.GetMetricHistoryPageAsync(run.Info.RunId, "acc", 2, first.NextPageToken);
        var third = await Client.Runs.GetMetricHistoryPageAsync(run.Info.RunId, "acc", 2, second.NextPageToken);

        Assert.Equal("{\"offset\": 2}", Encoding.UTF8.GetString(Convert.FromBase64String(first.NextPageToken!)));
        Assert.Equal([0.0, 1.0, 2.0, 3.0, 4.0], first.Items.Concat(second.Items).Concat(third.Items).Select(m => m.Value).ToArray());
        Assert.Null(third.NextPageToken);
    }

    [Fact]
    public async Task GetMetricHistory_of_an_unknown_key_is_empty()
    {
        var run = await NewRunAsync(await NewExperimentAsync());

        Assert.Empty(await Client.Runs.GetMetricHistoryAsync(run.Info.RunId, "nope"));
    }

    [Fact]
    public async Task Same_metric_point_logged_twice_is_kept_once()
    {
        var run = await NewRunAsync(await NewExperimentAsync());

        await Client.Runs.LogBatchAsync(run.Info.RunId, [new Metric("dup", 1, T0), new Metric("dup", 1, T0)]);

        Assert.Single(await Client.Runs.GetMetricHistoryAsync(run.Info.RunId, "dup"));
    }

    // ---- run search ----

    private async Task<(string ExperimentId, Run A, Run B, Run C)> ThreeRunsAsync()
    {
        var experimentId = await NewExperimentAsync();
        var a = await NewRunAsync(experimentId, "run-a", T0);
        var b = await NewRunAsync(experimentId, "run-b", T0.AddSeconds(1));
        var c = await NewRunAsync(experimentId, "run-c", T0.AddSeconds(2));
        await Client.Runs.LogBatchAsync(a.Info.RunId, [new Metric("acc", 0.95, T0)], [new Param("lr", "0.01")], [new Tag("model_type", "classifier")]);
        await Client.Runs.LogBatchAsync(b.Info.RunId, [new Metric("acc", 0.7, T0)], [new Param("lr", "0.02")], [new Tag("model_type", "classifier")]);
        await Client.Runs.LogBatchAsync(c.Info.RunId, parameters: [new Param("lr", "0.01")], tags: [new Tag("model_type", "regressor")]);
        await Client.Runs.SetTerminatedAsync(a.Info.RunId, RunStatus.Finished, T0.AddMinutes(1));
        return (experimentId, a, b, c);
    }

    private async Task<string[]> SearchNamesAsync(string experimentId, string? filter = null, params string[] orderBy) =>
        (await Client.Runs.SearchAsync([experimentId], filter, orderBy)).Items.Select(r => r.Info.RunName!).ToArray();

    [Fact]
    public async Task SearchRuns_without_order_returns_newest_start_first()
    {
        var (experimentId, _, _, _) = await ThreeRunsAsync();

        Assert.Equal(["run-c", "run-b", "run-a"], await SearchNamesAsync(experimentId));
    }

    [Fact]
    public async Task SearchRuns_filters_on_tags_and_params_together()
    {
        var (experimentId, _, _, _) = await ThreeRunsAsync();

        Assert.Equal(["run-a"], await SearchNamesAsync(experimentId, "tags.model_type = 'classifier' AND params.lr = '0.01'"));
    }

    [Fact]
    public async Task SearchRuns_filters_on_latest_metric_values()
    {
        var (experimentId, _, _, _) = await ThreeRunsAsync();

        Assert.Equal(["run-a"], await SearchNamesAsync(experimentId, "metrics.acc > 0.75"));
        Assert.Equal(["run-b", "run-a"], await SearchNamesAsync(experimentId, "metrics.acc >= 0.7"));
    }

    [Fact]
    public async Task SearchRuns_filters_on_status_and_run_name_attributes()
    {
        var (experimentId, _, _, _) = await ThreeRunsAsync();

        Assert.Equal(["run-a"], await SearchNamesAsync(experimentId, "attributes.status = 'FINISHED'"));
        Assert.Equal(["run-b"], await SearchNamesAsync(experimentId, "attributes.run_name = 'run-b'"));
        Assert.Equal(["run-c", "run-b"], await SearchNamesAsync(experimentId, "attributes.status != 'FINISHED'"));
    }

    [Fact]
    public async Task SearchRuns_filters_on_start_time_numbers()
    {
        var (experimentId, _, _, _) = await ThreeRunsAsync();

        Assert.Equal(["run-c", "run-b"], await SearchNamesAsync(experimentId, $"attributes.start_time > {T0.ToUnixTimeMilliseconds()}"));
    }

    [Fact]
    public async Task SearchRuns_LIKE_is_case_sensitive_and_ILIKE_is_not()
    {
        var (experimentId, _, _, _) = await ThreeRunsAsync();

        Assert.Equal(["run-c", "run-b", "run-a"], await SearchNamesAsync(experimentId, "tags.model_type LIKE '%r'"));
        Assert.Empty(await SearchNamesAsync(experimentId, "tags.model_type LIKE '%R'"));
        Assert.Equal(["run-c"], await SearchNamesAsync(experimentId, "tags.model_type ILIKE 'REG%'"));
    }

    [Fact]
    public async Task SearchRuns_filters_run_ids_with_IN()
    {
        var (experimentId, a, _, c) = await ThreeRunsAsync();

        Assert.Equal(["run-c", "run-a"], await SearchNamesAsync(experimentId, $"attributes.run_id IN ('{a.Info.RunId}', '{c.Info.RunId}')"));
    }

    [Fact]
    public async Task SearchRuns_with_a_not_equal_tag_excludes_runs_without_the_tag()
    {
        var (experimentId, _, _, _) = await ThreeRunsAsync();

        Assert.Empty(await SearchNamesAsync(experimentId, "tags.absent != 'x'"));
    }

    [Fact]
    public async Task SearchRuns_ordered_by_metric_puts_runs_without_it_last()
    {
        var (experimentId, _, _, _) = await ThreeRunsAsync();

        Assert.Equal(["run-a", "run-b", "run-c"], await SearchNamesAsync(experimentId, null, "metrics.acc DESC"));
        Assert.Equal(["run-b", "run-a", "run-c"], await SearchNamesAsync(experimentId, null, "metrics.acc ASC"));
    }

    [Fact]
    public async Task SearchRuns_ordered_by_start_time_then_param()
    {
        var (experimentId, _, _, _) = await ThreeRunsAsync();

        Assert.Equal(["run-a", "run-b", "run-c"], await SearchNamesAsync(experimentId, null, "attributes.start_time ASC", "params.lr DESC"));
        Assert.Equal(["run-b", "run-c", "run-a"], await SearchNamesAsync(experimentId, null, "params.lr DESC"));
    }

    [Fact]
    public async Task SearchRuns_pages_with_MLflows_offset_tokens_and_returns_each_run_once()
    {
        var experimentId = await NewExperimentAsync();
        for (var i = 0; i < 5; i++)
        {
            await NewRunAsync(experimentId, "r" + i, T0.AddSeconds(i));
        }

        var first = await Client.Runs.SearchAsync([experimentId], maxResults: 2);
        var second = await Client.Runs.SearchAsync([experimentId], maxResults: 2, pageToken: first.NextPageToken);
        var third = await Client.Runs.SearchAsync([experimentId], maxResults: 2, pageToken: second.NextPageToken);

        Assert.Equal("eyJvZmZzZXQiOiAyfQ==", first.NextPageToken);
        Assert.Equal(["r4", "r3", "r2", "r1", "r0"], first.Items.Concat(second.Items).Concat(third.Items).Select(r => r.Info.RunName!).ToArray());
        Assert.Null(third.NextPageToken);
    }

    [Fact]
    public async Task SearchRuns_view_types_separate_active_and_deleted_runs()
    {
        var (experimentId, a, _, _) = await ThreeRunsAsync();
        await Client.Runs.DeleteAsync(a.Info.RunId);

        var active = await Client.Runs.SearchAsync([experimentId]);
        var deleted = await Client.Runs.SearchAsync([experimentId], viewType: ViewType.DeletedOnly);
        var all = await Client.Runs.SearchAsync([experimentId], viewType: ViewType.All);

        Assert.DoesNotContain(active.Items, r => r.Info.RunId == a.Info.RunId);
        Assert.Equal(a.Info.RunId, Assert.Single(deleted.Items).Info.RunId);
        Assert.Equal(3, all.Items.Count);
    }

    [Fact]
    public async Task SearchRuns_returns_each_runs_data()
    {
        var (experimentId, _, _, _) = await ThreeRunsAsync();

        var run = Assert.Single((await Client.Runs.SearchAsync([experimentId], "attributes.run_name = 'run-a'")).Items);

        Assert.Equal(0.95, Assert.Single(run.Data.Metrics).Value);
        Assert.Equal("0.01", run.Data.Params["lr"]);
        Assert.Equal("classifier", run.Data.Tags["model_type"]);
    }

    [Fact]
    public async Task SearchRuns_of_no_or_unknown_experiments_is_empty()
    {
        Assert.Empty((await Client.Runs.SearchAsync(Array.Empty<string>())).Items);
        Assert.Empty((await Client.Runs.SearchAsync(["999999"])).Items);
    }

    [Fact]
    public async Task SearchRuns_with_OR_throws_InvalidParameter_naming_the_clauses()
    {
        var experimentId = await NewExperimentAsync();

        var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => Client.Runs.SearchAsync([experimentId], "tags.model_type = 'classifier' OR x"));

        Assert.StartsWith("Invalid clause(s) in filter string: 'OR', 'x'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchRuns_with_an_unknown_order_entity_throws_InvalidParameter()
    {
        var experimentId = await NewExperimentAsync();

        var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => Client.Runs.SearchAsync([experimentId], orderBy: ["nonsense.acc DESC"]));

        Assert.StartsWith("Invalid entity type 'nonsense'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchRuns_with_a_garbage_page_token_throws_InvalidParameter()
    {
        var experimentId = await NewExperimentAsync();

        var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => Client.Runs.SearchAsync([experimentId], pageToken: "garbage"));

        Assert.Equal("Invalid page token, could not base64-decode", error.Message);
    }

    // ---- experiment search ----

    [Fact]
    public async Task SearchExperiments_filters_by_name_LIKE_and_orders_by_name()
    {
        var prefix = UniqueName("search");
        foreach (var suffix in new[] { "b", "a", "c" })
        {
            await Client.Experiments.CreateAsync($"{prefix}-{suffix}");
        }

        var page = await Client.Experiments.SearchAsync($"name LIKE '{prefix}%'", ["name DESC"]);

        Assert.Equal([$"{prefix}-c", $"{prefix}-b", $"{prefix}-a"], page.Items.Select(e => e.Name).ToArray());
    }

    [Fact]
    public async Task SearchExperiments_filters_by_tag()
    {
        var tagged = await Client.Experiments.CreateAsync(UniqueName("tagged"), tags: [new("team", "vision-" + Guid.NewGuid().ToString("N"))]);
        var team = (await Client.Experiments.GetAsync(tagged)).Tags["team"];
        await NewExperimentAsync();

        var page = await Client.Experiments.SearchAsync($"tags.team = '{team}'");

        Assert.Equal(tagged, Assert.Single(page.Items).ExperimentId);
    }

    [Fact]
    public async Task SearchExperiments_pages_and_returns_each_experiment_once()
    {
        var prefix = UniqueName("paged");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Client.Experiments.CreateAsync($"{prefix}-{i}"));
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await Client.Experiments.SearchAsync($"name LIKE '{prefix}%'", maxResults: 2, pageToken: token);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(e => e.ExperimentId));
            token = page.NextPageToken;
        }
        while (token is not null);

        Assert.Equal(ids.OrderBy(x => x), seen.OrderBy(x => x));
    }

    [Fact]
    public async Task SearchExperiments_deleted_only_returns_deleted_ones()
    {
        var name = UniqueName("deleted");
        var id = await Client.Experiments.CreateAsync(name);
        await Client.Experiments.DeleteAsync(id);

        var active = await Client.Experiments.SearchAsync($"name = '{name}'");
        var deleted = await Client.Experiments.SearchAsync($"name = '{name}'", viewType: ViewType.DeletedOnly);

        Assert.Empty(active.Items);
        Assert.Equal(id, Assert.Single(deleted.Items).ExperimentId);
    }

    [Fact]
    public async Task SearchExperiments_with_a_bad_comparator_throws_InvalidParameter()
    {
        var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => Client.Experiments.SearchAsync("name === 'x'"));

        Assert.StartsWith("Invalid comparator '===' not one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchExperiments_with_a_bad_order_attribute_throws_InvalidParameter()
    {
        var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => Client.Experiments.SearchAsync(orderBy: ["bogus DESC"]));

        Assert.StartsWith("Invalid attribute key 'bogus' specified.", error.Message, StringComparison.Ordinal);
    }
}
