using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MLflow.Tracking.Tests.Rest;
using MLflow.Tracking.TestSupport;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Tests.Client;

/// <summary>Over-long values are truncated client-side as MLflow does, with a warning that names the key only.</summary>
public sealed class TruncationTests
{
    [Fact]
    public async Task LogParamAsync_truncates_values_over_6000_characters_and_warns_without_the_value()
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{}");
        using var logs = new RecordingLoggerProvider();
        await using var client = RestTestClients.Client(RestTestClients.Options(server.BaseUri), logs);
        var value = "SECRETISH" + new string('x', 6000);

        await client.Runs.LogParamAsync("run1", "long_param", value);

        Assert.Equal(value.Substring(0, 6000), (string?)JsonNode.Parse(server.Requests.Single().Body)!["value"]);
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("'long_param'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("6009", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETISH", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetTagAsync_truncates_values_over_8000_characters()
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{}");
        using var logs = new RecordingLoggerProvider();
        await using var client = RestTestClients.Client(RestTestClients.Options(server.BaseUri), logs);

        await client.Runs.SetTagAsync("run1", "note", new string('t', 8001));

        Assert.Equal(8000, ((string?)JsonNode.Parse(server.Requests.Single().Body)!["value"])!.Length);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("'note'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Values_at_the_limit_are_sent_unchanged_without_a_warning()
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{}");
        using var logs = new RecordingLoggerProvider();
        await using var client = RestTestClients.Client(RestTestClients.Options(server.BaseUri), logs);

        await client.Runs.LogBatchAsync("run1", parameters: [new Param("p", new string('p', 6000))], tags: [new Tag("t", new string('t', 8000))]);

        var body = JsonNode.Parse(server.Requests.Single().Body)!;
        Assert.Equal(6000, ((string?)body["params"]![0]!["value"])!.Length);
        Assert.Equal(8000, ((string?)body["tags"]![0]!["value"])!.Length);
        Assert.DoesNotContain(logs.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task LogBatchAsync_truncates_params_and_tags_inside_batches()
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{}");
        await using var client = RestTestClients.Client(server.BaseUri);

        await client.Runs.LogBatchAsync("run1", parameters: [new Param("p", new string('p', 8001))], tags: [new Tag("t", new string('t', 8001))]);

        var body = JsonNode.Parse(server.Requests.Single().Body)!;
        Assert.Equal(6000, ((string?)body["params"]![0]!["value"])!.Length);
        Assert.Equal(8000, ((string?)body["tags"]![0]!["value"])!.Length);
    }
}
