using System;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Rest;

/// <summary>Recorded MLflow answers map to the public model with the right values.</summary>
public sealed class ResponseMappingTests
{
    private static async Task<(TranscriptReplay Replay, MlflowClient Client)> StartAsync(params int[] numbers)
    {
        var replay = await TranscriptReplay.StartAsync(numbers.Select(Transcript.Mlflow35));
        return (replay, RestTestClients.Client(replay.BaseUri));
    }

    [Fact]
    public async Task GetAsync_maps_the_experiment_with_times_and_tags()
    {
        var (replay, client) = await StartAsync(13);
        await using var _ = replay;
        await using var __ = client;

        var experiment = await client.Experiments.GetByNameAsync("csharp-eval-exp-1");

        Assert.Equal("1", experiment.ExperimentId);
        Assert.Equal("csharp-eval-exp-1", experiment.Name);
        Assert.Equal("/srv/mlflow/artifacts/1", experiment.ArtifactLocation);
        Assert.Equal(LifecycleStage.Active, experiment.LifecycleStage);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795419033338), experiment.CreationTime);
        Assert.Equal("ml", experiment.Tags["team"]);
    }

    [Fact]
    public async Task SearchAllAsync_follows_the_experiment_page_token_to_the_last_page()
    {
        var (replay, client) = await StartAsync(21, 22);
        await using var _ = replay;
        await using var __ = client;

        var names = await client.Experiments.SearchAllAsync(new ExperimentSearchRequest { MaxResults = 2 }).Select(e => e.Name).ToListAsync();

        Assert.Equal(["csharp-eval-exp-to-delete", "csharp-eval-exp-2", "csharp-eval-exp-1", "Default"], names);
        Assert.Equal("eyJvZmZzZXQiOiAyfQ==", System.Text.Json.Nodes.JsonNode.Parse(replay.Exchanges[1].Actual.Body)!["page_token"]!.GetValue<string>());
        replay.AssertMatched();
    }

    [Fact]
    public async Task SearchAsync_returns_the_runs_page_and_its_token()
    {
        var (replay, client) = await StartAsync(140, 141, 142);
        await using var _ = replay;
        await using var __ = client;
        var request = new RunSearchRequest { ExperimentIds = ["1"], OrderBy = ["metrics.acc DESC"], MaxResults = 2 };

        var runs = await client.Runs.SearchAllAsync(request).ToListAsync();

        replay.AssertMatched();
        Assert.Equal(runs.Count, runs.Select(r => r.Info.RunId).Distinct().Count());
        Assert.Equal("5c757f7580474e1c9206183141d430a8", runs[0].Info.RunId);
        Assert.True(runs.Count >= 3);
    }

    [Fact]
    public async Task CreateAsync_maps_the_new_run_and_its_tags()
    {
        var (replay, client) = await StartAsync(43);
        await using var _ = replay;
        await using var __ = client;

        var run = await client.Runs.CreateAsync(new CreateRunRequest { ExperimentId = "1", RunName = "run-a", StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1795419034285), Tags = [new Tag("model_type", "classifier"), new Tag("mlflow.source.name", "csharp-client")] });

        Assert.Equal("5c757f7580474e1c9206183141d430a8", run.Info.RunId);
        Assert.Equal(RunStatus.Running, run.Info.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795419034285), run.Info.StartTime);
        Assert.Null(run.Info.EndTime);
        Assert.Equal("run-a", run.Data.Tags["mlflow.runName"]);
        Assert.Equal("", run.Info.UserId);
    }

    [Fact]
    public async Task CreateAsync_sends_start_time_now_when_none_is_given()
    {
        var (replay, client) = await StartAsync(43);
        await using var _ = replay;
        await using var __ = client;
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await client.Runs.CreateAsync("1", "run-a");

        var sent = System.Text.Json.Nodes.JsonNode.Parse(replay.Exchanges.Single().Actual.Body)!["start_time"]!.GetValue<long>();
        Assert.InRange(sent, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task A_start_time_of_0_recorded_by_MLflow_maps_to_null()
    {
        var transcript = Transcript.Mlflow35(48);
        await using var server = await LoopbackServer.StartAsync(200, "application/json", transcript.ResponseBodyText);
        await using var client = RestTestClients.Client(server.BaseUri);

        var run = await client.Runs.CreateAsync("1");

        Assert.Null(run.Info.StartTime);
    }

    [Fact]
    public async Task GetAsync_reads_NaN_and_the_huge_doubles_SQLite_stores_for_infinity()
    {
        var (replay, client) = await StartAsync(133);
        await using var _ = replay;
        await using var __ = client;

        var run = await client.Runs.GetAsync("5c757f7580474e1c9206183141d430a8");

        var metrics = run.Data.Metrics.ToDictionary(m => m.Key);
        Assert.True(double.IsNaN(metrics["nanmetric"].Value));
        Assert.Equal(-1.7976931348623157e308, metrics["infmetric"].Value);
        Assert.Equal(double.MaxValue, metrics["bigmetric"].Value);
        Assert.Equal(1, metrics["acc"].Step);
        Assert.Equal(RunStatus.Finished, run.Info.Status);
        Assert.Equal("0.01", run.Data.Params["lr"]);
    }

    [Fact]
    public async Task GetMetricHistoryPageAsync_returns_points_and_the_next_page_token()
    {
        var (replay, client) = await StartAsync(93);
        await using var _ = replay;
        await using var __ = client;

        var page = await client.Runs.GetMetricHistoryPageAsync("5c757f7580474e1c9206183141d430a8", "acc", maxResults: 1);

        var point = Assert.Single(page.Items);
        Assert.Equal(new Metric("acc", 0.9, DateTimeOffset.FromUnixTimeMilliseconds(1795419034893), 0), point);
        Assert.Equal("eyJvZmZzZXQiOiAxfQ==", page.NextPageToken);
        Assert.Contains("max_results=1", replay.Exchanges.Single().Actual.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetricHistoryAsync_sends_max_results_25000_as_MLflow_does()
    {
        var (replay, client) = await StartAsync(183);
        await using var _ = replay;
        await using var __ = client;

        var points = await client.Runs.GetMetricHistoryAsync("5c757f7580474e1c9206183141d430a8", "acc");

        Assert.NotEmpty(points);
        var query = replay.Exchanges.Single().Actual.QueryParameters();
        Assert.Contains(new("max_results", "25000"), query);
        Assert.Contains(new("run_id", "5c757f7580474e1c9206183141d430a8"), query);
    }

    [Fact]
    public async Task SetTerminatedAsync_sends_the_status_name_and_maps_the_run_info()
    {
        var (replay, client) = await StartAsync(125);
        await using var _ = replay;
        await using var __ = client;

        var info = await client.Runs.SetTerminatedAsync("5c757f7580474e1c9206183141d430a8", RunStatus.Finished, DateTimeOffset.FromUnixTimeMilliseconds(1795419036291));

        TranscriptReplay.AssertRequestEquivalent(replay.Exchanges.Single(), null, "run_uuid");
        Assert.Equal(RunStatus.Finished, info.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795419036291), info.EndTime);
    }

    [Fact]
    public async Task PingAsync_names_the_server_version_and_address()
    {
        var (replay, client) = await StartAsync(1, 2);
        await using var _ = replay;
        await using var __ = client;

        var answer = await client.Store.PingAsync(default);

        Assert.Equal($"MLflow 3.5.2.dev0 at {replay.BaseUri.AbsoluteUri}", answer);
        Assert.Equal(["/health", "/version"], replay.Exchanges.Select(e => e.Actual.Path));
    }
}
