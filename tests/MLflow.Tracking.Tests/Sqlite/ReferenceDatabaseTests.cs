using System;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.Stores;
using MLflow.Tracking.Stores.Sqlite;
using MLflow.Tracking.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace MLflow.Tracking.Tests.Sqlite;

/// <summary>
/// Opens copies of the databases real MLflow 3.5 and 3.1 servers wrote and checks that the store reads them exactly
/// as those servers answered (the transcripts), then writes into them without changing their revision.
/// </summary>
public sealed class ReferenceDatabaseTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public static TheoryData<string, string, string> Databases => new()
    {
        { "mlflow-3.5.db", "mlflow-3.5-sqlite", "bf29a5ff90ea" },
        { "mlflow-3.1.db", "mlflow-3.1-sqlite", "bda7b8c39065" },
    };

    public void Dispose() => _temp.Dispose();

    private async Task<(MlflowStore Store, MlflowClient Client)> OpenAsync(string database)
    {
        var store = SqliteMlflowStore.Open(_temp.CopyReferenceDatabase(database), NullLoggerFactory.Instance);
        await Task.CompletedTask;
        return (store, new MlflowClient(store));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task GetRun_returns_run_a_exactly_as_the_server_did(string database, string transcripts, string revision)
    {
        _ = revision;
        var (store, client) = await OpenAsync(database);
        await using var owned = store;
        var expected = ReferenceData.Transcript(transcripts, "133").GetProperty("response").GetProperty("body").GetProperty("run");

        var run = await client.Runs.GetAsync(expected.GetProperty("info").GetProperty("run_id").GetString()!);

        TranscriptAssert.RunEquals(expected, run);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task GetRun_returns_a_deleted_run_with_its_data(string database, string transcripts, string revision)
    {
        _ = revision;
        var (store, client) = await OpenAsync(database);
        await using var owned = store;
        var expected = ReferenceData.Transcript(transcripts, "154").GetProperty("response").GetProperty("body").GetProperty("run");
        var runId = expected.GetProperty("info").GetProperty("run_id").GetString()!;

        var run = await client.Runs.GetAsync(runId);

        // Restored after transcript 154 (159): everything else is as the server answered.
        TranscriptAssert.RunEquals(expected, run with { Info = run.Info with { LifecycleStage = LifecycleStage.Deleted } });
        Assert.Equal(LifecycleStage.Active, run.Info.LifecycleStage);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task GetExperiment_returns_the_default_experiment_as_the_server_did(string database, string transcripts, string revision)
    {
        _ = revision;
        var (store, client) = await OpenAsync(database);
        await using var owned = store;
        var expected = ReferenceData.Transcript(transcripts, "017").GetProperty("response").GetProperty("body").GetProperty("experiment");

        var experiment = await client.Experiments.GetAsync("0");

        // Transcripts 181/182 deleted and restored it later, which moved last_update_time.
        TranscriptAssert.ExperimentEquals(expected, experiment with { LastUpdateTime = DateTimeOffset.FromUnixTimeMilliseconds(expected.GetProperty("last_update_time").GetInt64()) });
        Assert.True(experiment.LastUpdateTime >= experiment.CreationTime);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task SearchExperiments_by_tag_returns_what_the_server_did(string database, string transcripts, string revision)
    {
        _ = revision;
        var (store, client) = await OpenAsync(database);
        await using var owned = store;
        var expected = ReferenceData.Transcript(transcripts, "174").GetProperty("response").GetProperty("body").GetProperty("experiments");

        var page = await client.Experiments.SearchAsync("tags.team = 'ml'", maxResults: 100);

        Assert.Equal(expected.GetArrayLength(), page.Items.Count);
        TranscriptAssert.ExperimentEquals(expected[0], page.Items[0]);
        Assert.Null(page.NextPageToken);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task GetMetricHistory_returns_the_points_the_server_did(string database, string transcripts, string revision)
    {
        _ = revision;
        var (store, client) = await OpenAsync(database);
        await using var owned = store;
        foreach (var number in new[] { "183", "184", "185", "186" })
        {
            var transcript = ReferenceData.Transcript(transcripts, number);
            var query = transcript.GetProperty("request").GetProperty("query");
            var expected = transcript.GetProperty("response").GetProperty("body").GetProperty("metrics").EnumerateArray().ToList();

            var history = await client.Runs.GetMetricHistoryAsync(query.GetProperty("run_id").GetString()!, query.GetProperty("metric_key").GetString()!);

            Assert.Equal(expected.Count, history.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                TranscriptAssert.MetricEquals(expected[i], history[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Writing_new_runs_reads_back_and_keeps_the_revision(string database, string transcripts, string revision)
    {
        _ = transcripts;
        var path = _temp.CopyReferenceDatabase(database);
        var store = SqliteMlflowStore.Open(path, NullLoggerFactory.Instance);
        await using (store)
        {
            var client = new MlflowClient(store);
            var run = await client.Runs.CreateAsync("1", "written-by-dotnet");
            await client.Runs.LogBatchAsync(run.Info.RunId, [new Metric("loss", 0.5, DateTimeOffset.FromUnixTimeMilliseconds(1_000), 3)], [new Param("lr", "0.1")], [new Tag("team", "vision")]);
            await client.Runs.SetTerminatedAsync(run.Info.RunId, RunStatus.Finished);

            var back = await client.Runs.GetAsync(run.Info.RunId);

            Assert.Equal(RunStatus.Finished, back.Info.Status);
            Assert.Equal("0.1", back.Data.Params["lr"]);
            Assert.Equal("vision", back.Data.Tags["team"]);
            Assert.Equal("written-by-dotnet", back.Data.Tags["mlflow.runName"]);
            Assert.Equal(new Metric("loss", 0.5, DateTimeOffset.FromUnixTimeMilliseconds(1_000), 3), Assert.Single(back.Data.Metrics));
            var experiment = await client.Experiments.GetAsync("1");
            Assert.Equal($"{experiment.ArtifactLocation}/{run.Info.RunId}/artifacts", back.Info.ArtifactUri);
        }

        Assert.Equal(revision, SqliteInspector.Scalar(path, "SELECT version_num FROM alembic_version"));
        Assert.Equal(1L, SqliteInspector.Scalar(path, "SELECT COUNT(*) FROM alembic_version"));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Revision_is_reported_by_the_store(string database, string transcripts, string revision)
    {
        _ = transcripts;
        await using var store = SqliteMlflowStore.Open(_temp.CopyReferenceDatabase(database), new SqliteStoreOptions());

        Assert.Equal(revision, store.Revision);
        Assert.Contains(revision, await store.PingAsync(default), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> SearchTranscripts => new()
    {
        { "mlflow-3.5.db", "mlflow-3.5-sqlite", "139" },
        { "mlflow-3.5.db", "mlflow-3.5-sqlite", "144" },
        { "mlflow-3.5.db", "mlflow-3.5-sqlite", "145" },
        { "mlflow-3.5.db", "mlflow-3.5-sqlite", "146" },
        { "mlflow-3.1.db", "mlflow-3.1-sqlite", "139" },
        { "mlflow-3.1.db", "mlflow-3.1-sqlite", "144" },
        { "mlflow-3.1.db", "mlflow-3.1-sqlite", "145" },
        { "mlflow-3.1.db", "mlflow-3.1-sqlite", "146" },
    };

    [Theory]
    [MemberData(nameof(SearchTranscripts))]
    public async Task SearchRuns_with_a_filter_returns_the_runs_the_server_did_in_its_order(string database, string transcripts, string number)
    {
        var (store, client) = await OpenAsync(database);
        await using var owned = store;
        var transcript = ReferenceData.Transcript(transcripts, number);
        var request = transcript.GetProperty("request").GetProperty("body");
        var expected = transcript.GetProperty("response").GetProperty("body").GetProperty("runs").EnumerateArray().ToList();

        var page = await client.Runs.SearchAsync(["1"], request.GetProperty("filter").GetString());

        Assert.Equal(expected.Count, page.Items.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            TranscriptAssert.RunEquals(expected[i], page.Items[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task SearchRuns_ordered_by_start_time_then_param_matches_the_server_order(string database, string transcripts, string revision)
    {
        _ = revision;
        var (store, client) = await OpenAsync(database);
        await using var owned = store;
        var expected = ReferenceData.Transcript(transcripts, "143").GetProperty("response").GetProperty("body").GetProperty("runs")
            .EnumerateArray().Select(r => r.GetProperty("info").GetProperty("run_id").GetString()!).ToList();

        var page = await client.Runs.SearchAsync(["1"], orderBy: ["attributes.start_time ASC", "params.lr DESC"]);

        // Runs created after transcript 143 (such as "limits-run", 190) start later, so they follow in start order.
        Assert.Equal(expected, page.Items.Take(expected.Count).Select(r => r.Info.RunId).ToList());
        var later = page.Items.Skip(expected.Count).Select(r => r.Info.StartTime).ToList();
        Assert.Contains(page.Items.Skip(expected.Count), r => r.Info.RunName == "limits-run");
        Assert.Equal(later.Order().ToList(), later);
        Assert.All(later, start => Assert.True(start >= page.Items[expected.Count - 1].Info.StartTime));
    }

    [Fact]
    public async Task New_experiment_in_a_reference_database_gets_the_next_id()
    {
        var (store, client) = await OpenAsync("mlflow-3.5.db");
        await using var owned = store;

        var id = await client.Experiments.CreateAsync("next-id");

        Assert.Equal("7", id);
    }
}
