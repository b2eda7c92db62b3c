using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Rest;

/// <summary>Large batches arrive at MLflow as requests within its limits, every item exactly once.</summary>
public sealed class BatchDeliveryTests
{
    [Fact]
    public async Task LogBatchAsync_splits_5000_metrics_250_params_and_250_tags_into_requests_within_MLflow_limits()
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{}");
        await using var client = RestTestClients.Client(server.BaseUri);
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        var metrics = Enumerable.Range(0, 5000).Select(i => new Metric("m" + (i % 7), i, start.AddMilliseconds(i), i)).ToList();
        var parameters = Enumerable.Range(0, 250).Select(i => new Param("p" + i, "v" + i)).ToList();
        var tags = Enumerable.Range(0, 250).Select(i => new Tag("t" + i, "v" + i)).ToList();

        await client.Runs.LogBatchAsync("run1", metrics, parameters, tags);

        var bodies = server.Requests.Select(r => JsonNode.Parse(r.Body)!.AsObject()).ToList();
        Assert.All(server.Requests, r => Assert.Equal("/api/2.0/mlflow/runs/log-batch", r.Path));
        foreach (var body in bodies)
        {
            var (m, p, t) = (Count(body, "metrics"), Count(body, "params"), Count(body, "tags"));
            Assert.InRange(m, 0, 1000);
            Assert.InRange(p, 0, 100);
            Assert.InRange(t, 0, 100);
            Assert.InRange(m + p + t, 1, 1000);
            Assert.Equal("run1", (string?)body["run_id"]);
        }

        var sentSteps = bodies.SelectMany(b => Items(b, "metrics")).Select(m => (long)m["step"]!).ToList();
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (long)i), sentSteps);
        Assert.Equal(parameters.Select(p => p.Key), bodies.SelectMany(b => Items(b, "params")).Select(p => (string)p["key"]!));
        Assert.Equal(tags.Select(t => t.Key), bodies.SelectMany(b => Items(b, "tags")).Select(t => (string)t["key"]!));
        Assert.Equal(6, bodies.Count);
    }

    [Fact]
    public async Task LogBatchAsync_refuses_a_param_given_twice_with_different_values_before_sending_anything()
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{}");
        await using var client = RestTestClients.Client(server.BaseUri);

        var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => client.Runs.LogBatchAsync("run1", parameters: [new Param("dup", "1"), new Param("dup", "2")]));

        Assert.Contains("'dup'", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task LogBatchAsync_sends_a_param_repeated_with_the_same_value_once()
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{}");
        await using var client = RestTestClients.Client(server.BaseUri);

        await client.Runs.LogBatchAsync("run1", parameters: [new Param("dup", "1"), new Param("dup", "1"), new Param("other", "2")]);

        var body = JsonNode.Parse(server.Requests.Single().Body)!;
        Assert.Equal(["dup", "other"], Items(body.AsObject(), "params").Select(p => (string)p["key"]!));
    }

    [Fact]
    public async Task LogBatchAsync_with_nothing_to_log_sends_nothing()
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{}");
        await using var client = RestTestClients.Client(server.BaseUri);

        await client.Runs.LogBatchAsync("run1");

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RunBuilder_validates_params_before_it_creates_the_run()
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{}");
        await using var client = RestTestClients.Client(server.BaseUri);

        await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => client.CreateRunBuilder("1").WithParam("bad key!", 1).StartAsync());

        Assert.Empty(server.Requests);
    }

    private static int Count(JsonObject body, string name) => body[name] is JsonArray array ? array.Count : 0;

    private static IEnumerable<JsonNode> Items(JsonObject body, string name) => body[name] is JsonArray array ? array.Select(x => x!) : [];
}
