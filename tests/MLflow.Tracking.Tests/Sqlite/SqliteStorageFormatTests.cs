using System;
using System.Threading.Tasks;
using MLflow.Tracking.Stores.Sqlite;
using MLflow.Tracking.Tests.TestSupport;

namespace MLflow.Tracking.Tests.Sqlite;

/// <summary>The rows this store writes look like the rows MLflow's server writes (compare databases/mlflow-3.5.db).</summary>
public sealed class SqliteStorageFormatTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
    private readonly TempDirectory _temp = new();
    private SqliteMlflowStore _store = null!;
    private MlflowClient _client = null!;

    private string DbPath => _temp.File("mlflow.db");

    public Task InitializeAsync()
    {
        _store = SqliteMlflowStore.Open(DbPath, new SqliteStoreOptions());
        _client = new MlflowClient(_store);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task NaN_is_stored_as_zero_with_is_nan_set()
    {
        var run = await _client.Runs.CreateAsync("0", "r", startTime: T0);

        await _client.Runs.LogMetricAsync(run.Info.RunId, "nanmetric", double.NaN, T0, 1);

        Assert.Equal([0.0, 1L], SqliteInspector.Rows(DbPath, "SELECT value, is_nan FROM metrics WHERE \"key\" = 'nanmetric'")[0]);
        Assert.Equal([0.0, 1L], SqliteInspector.Rows(DbPath, "SELECT value, is_nan FROM latest_metrics WHERE \"key\" = 'nanmetric'")[0]);
    }

    [Fact]
    public async Task Infinities_are_stored_as_the_largest_doubles()
    {
        var run = await _client.Runs.CreateAsync("0", "r", startTime: T0);

        await _client.Runs.LogBatchAsync(run.Info.RunId, [new Metric("infmetric", double.PositiveInfinity, T0, 1), new Metric("infmetric", double.NegativeInfinity, T0, 2)]);

        var rows = SqliteInspector.Rows(DbPath, "SELECT value, is_nan FROM metrics WHERE \"key\" = 'infmetric' ORDER BY step");
        Assert.Equal([1.7976931348623157e308, 0L], rows[0]);
        Assert.Equal([-1.7976931348623157e308, 0L], rows[1]);
    }

    [Fact]
    public async Task New_run_row_has_the_columns_the_server_writes()
    {
        var run = await _client.Runs.CreateAsync(new CreateRunRequest { ExperimentId = "0", RunName = "row", StartTime = T0, UserId = "alice" });

        var row = SqliteInspector.Rows(DbPath, $"SELECT name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, source_version, lifecycle_stage, experiment_id, deleted_time FROM runs WHERE run_uuid = '{run.Info.RunId}'")[0];

        Assert.Equal(new object?[] { "row", "UNKNOWN", "", "", "alice", "RUNNING", T0.ToUnixTimeMilliseconds(), null, "", "active", 0L, null }, row);
    }

    [Fact]
    public async Task Deleting_a_run_sets_deleted_time_and_restoring_clears_it()
    {
        var run = await _client.Runs.CreateAsync("0", "r", startTime: T0);
        var sql = $"SELECT lifecycle_stage, deleted_time IS NOT NULL FROM runs WHERE run_uuid = '{run.Info.RunId}'";

        await _client.Runs.DeleteAsync(run.Info.RunId);
        Assert.Equal(new object?[] { "deleted", 1L }, SqliteInspector.Rows(DbPath, sql)[0]);

        await _client.Runs.RestoreAsync(run.Info.RunId);
        Assert.Equal(new object?[] { "active", 0L }, SqliteInspector.Rows(DbPath, sql)[0]);
    }

    [Fact]
    public async Task Run_status_is_stored_by_name()
    {
        var run = await _client.Runs.CreateAsync("0", "r", startTime: T0);

        await _client.Runs.SetTerminatedAsync(run.Info.RunId, RunStatus.Killed, T0.AddSeconds(1));

        Assert.Equal(new object?[] { "KILLED", T0.AddSeconds(1).ToUnixTimeMilliseconds() }, SqliteInspector.Rows(DbPath, $"SELECT status, end_time FROM runs WHERE run_uuid = '{run.Info.RunId}'")[0]);
    }

    [Fact]
    public async Task Duplicate_experiment_name_error_names_the_experiment()
    {
        await _client.Experiments.CreateAsync("twice");

        var error = await Assert.ThrowsAsync<MlflowAlreadyExistsException>(() => _client.Experiments.CreateAsync("twice"));

        Assert.StartsWith("Experiment(name=twice) already exists.", error.Message, StringComparison.Ordinal);
    }
}
