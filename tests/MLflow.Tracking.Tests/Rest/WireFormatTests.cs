using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MLflow.Tracking.Stores.Rest;
using MLflow.Tracking.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace MLflow.Tracking.Tests.Rest;

/// <summary>What goes over the wire: special metric values, credentials, User-Agent, run ids.</summary>
public sealed class WireFormatTests
{
    [Theory]
    [InlineData(double.NaN, "\"NaN\"")]
    [InlineData(double.PositiveInfinity, "\"Infinity\"")]
    [InlineData(double.NegativeInfinity, "\"-Infinity\"")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157E+308")]
    [InlineData(0.5, "0.5")]
    public async Task LogMetricAsync_sends_special_values_as_MLflow_strings_and_numbers_as_numbers(double value, string json)
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{}");
        await using var client = RestTestClients.Client(server.BaseUri);

        await client.Runs.LogMetricAsync("run1", "m", value, DateTimeOffset.FromUnixTimeMilliseconds(5), 2);

        var body = server.Requests.Single().Body;
        Assert.Contains("\"value\":" + json, body, StringComparison.Ordinal);
        var node = JsonNode.Parse(body)!;
        Assert.Equal(5, (long)node["timestamp"]!);
        Assert.Equal(2, (long)node["step"]!);
        Assert.Equal("run1", (string?)node["run_id"]);
        Assert.Equal("run1", (string?)node["run_uuid"]);
    }

    [Fact]
    public async Task Metric_values_read_back_from_strings_and_numbers()
    {
        const string history = "{\"metrics\": [{\"key\": \"m\", \"value\": \"NaN\", \"timestamp\": 1, \"step\": 0}, {\"key\": \"m\", \"value\": \"Infinity\", \"timestamp\": 2, \"step\": 1}, {\"key\": \"m\", \"value\": \"-Infinity\", \"timestamp\": 3, \"step\": 2}, {\"key\": \"m\", \"value\": 1.7976931348623157e+308, \"timestamp\": 4, \"step\": 3}]}";
        await using var server = await LoopbackServer.StartAsync(200, "application/json", history);
        await using var client = RestTestClients.Client(server.BaseUri);

        var points = await client.Runs.GetMetricHistoryAsync("run1", "m");

        Assert.True(double.IsNaN(points[0].Value));
        Assert.Equal(double.PositiveInfinity, points[1].Value);
        Assert.Equal(double.NegativeInfinity, points[2].Value);
        Assert.Equal(double.MaxValue, points[3].Value);
    }

    [Fact]
    public async Task Basic_credentials_win_over_the_token()
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{}");
        var options = RestTestClients.Options(server.BaseUri);
        options.Username = "alice";
        options.Password = "s3cret";
        options.Token = "tok";
        await using var client = RestTestClients.Client(options);

        await client.Runs.SetTagAsync("run1", "k", "v");

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s3cret")), server.Requests.Single().Header("Authorization"));
    }

    [Fact]
    public async Task A_token_alone_is_sent_as_Bearer()
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{}");
        var options = RestTestClients.Options(server.BaseUri);
        options.Token = "tok";
        await using var client = RestTestClients.Client(options);

        await client.Runs.DeleteTagAsync("run1", "k");

        Assert.Equal("Bearer tok", server.Requests.Single().Header("Authorization"));
    }

    [Fact]
    public async Task Requests_carry_the_library_User_Agent_and_a_JSON_content_type()
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{}");
        await using var client = RestTestClients.Client(server.BaseUri);

        await client.Runs.DeleteAsync("run1");

        var request = server.Requests.Single();
        Assert.StartsWith("MLflow.Tracking.NET/", request.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task A_refused_login_never_puts_the_password_or_token_in_the_exception()
    {
        await using var server = await LoopbackServer.StartAsync(401, "text/plain", "You are not authenticated.");
        var options = RestTestClients.Options(server.BaseUri);
        options.Username = "alice";
        options.Password = "pa55-secret";
        options.Token = "token-secret";
        await using var client = RestTestClients.Client(options);

        var error = await Assert.ThrowsAsync<MlflowPermissionDeniedException>(() => client.Experiments.GetAsync("1"));

        Assert.Equal(401, error.HttpStatus);
        Assert.DoesNotContain("pa55-secret", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("token-secret", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:pa55-secret")), error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_given_HttpClient_is_used_as_configured_and_not_retried_again()
    {
        await using var server = await LoopbackServer.StartAsync(503, "text/plain", "busy");
        using var http = new HttpClient();
        var options = RestTestClients.Options(server.BaseUri, maxRetries: 5);
        await using var store = RestMlflowStore.Create(server.BaseUri, options, NullLoggerFactory.Instance, http);

        var error = await Assert.ThrowsAsync<MlflowNetworkException>(() => store.GetRunAsync("run1", default));

        Assert.Equal(503, error.HttpStatus);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_path_prefix_in_the_tracking_uri_is_kept()
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{\"experiment_id\": \"7\"}");
        await using var client = RestTestClients.Client(new Uri(server.BaseUri, "mlflow/"));

        Assert.Equal("7", await client.Experiments.CreateAsync("x"));

        Assert.Equal("/mlflow/api/2.0/mlflow/experiments/create", server.Requests.Single().Path);
    }

    [Fact]
    public async Task Searches_always_send_max_results()
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{}");
        await using var client = RestTestClients.Client(server.BaseUri);

        await client.Experiments.SearchAsync();
        await client.Runs.SearchAsync(["1"]);

        Assert.All(server.Requests, r => Assert.Equal(1000, (int)JsonNode.Parse(r.Body)!["max_results"]!));
    }
}
