using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.TestSupport;
using Microsoft.AspNetCore.Http;

namespace MLflow.Tracking.Tests.Rest;

/// <summary>Retries follow MLflow's policy exactly: what is retried, how often, and what is thrown at the end.</summary>
public sealed class FaultInjectionTests
{
    private const string RunId = "5c757f7580474e1c9206183141d430a8";

    private static Task OkAsync(HttpContext context) => LoopbackServer.RespondAsync(context, 200, "application/json", "{}");

    [Fact]
    public async Task A_503_then_200_is_retried_once_and_succeeds()
    {
        var count = 0;
        await using var server = await LoopbackServer.StartAsync((_, context) =>
            Interlocked.Increment(ref count) == 1 ? LoopbackServer.RespondAsync(context, 503, "text/plain", "busy") : OkAsync(context));
        await using var client = RestTestClients.Client(server.BaseUri, maxRetries: 3);

        await client.Runs.LogMetricAsync(RunId, "loss", 0.5);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].Body, server.Requests[1].Body);
    }

    [Fact]
    public async Task A_429_with_Retry_After_waits_that_long_before_the_retry()
    {
        var arrivals = new ConcurrentQueue<DateTimeOffset>();
        await using var server = await LoopbackServer.StartAsync((_, context) =>
        {
            arrivals.Enqueue(DateTimeOffset.UtcNow);
            return arrivals.Count == 1
                ? LoopbackServer.RespondAsync(context, 429, "application/json", "{\"error_code\": \"REQUEST_LIMIT_EXCEEDED\", \"message\": \"slow down\"}", [new("Retry-After", "1")])
                : OkAsync(context);
        });
        await using var client = RestTestClients.Client(server.BaseUri, maxRetries: 3);

        await client.Runs.LogBatchAsync(RunId, [new Metric("loss", 1, DateTimeOffset.UtcNow)]);

        Assert.Equal(2, server.Requests.Count);
        var times = arrivals.ToArray();
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900), $"retried after {(times[1] - times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Connection_resets_are_retried_and_end_in_a_network_exception_naming_the_attempts()
    {
        await using var server = await LoopbackServer.StartAsync((_, context) =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        await using var client = RestTestClients.Client(server.BaseUri, maxRetries: 2);

        var error = await Assert.ThrowsAsync<MlflowNetworkException>(() => client.Runs.GetAsync(RunId));

        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("/api/2.0/mlflow/runs/get", error.Message, StringComparison.Ordinal);
        Assert.Null(error.HttpStatus);
    }

    [Fact]
    public async Task A_response_slower_than_the_request_timeout_is_retried_then_reported_as_timed_out()
    {
        await using var server = await LoopbackServer.StartAsync(async (_, context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        var options = RestTestClients.Options(server.BaseUri, maxRetries: 1);
        options.RequestTimeout = TimeSpan.FromMilliseconds(500);
        await using var client = RestTestClients.Client(options);

        var error = await Assert.ThrowsAsync<MlflowNetworkException>(() => client.Experiments.GetAsync("1"));

        Assert.Equal(2, server.Requests.Count);
        Assert.Contains("timed out after 2 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proxy_HTML_502_is_retried_up_to_MaxRetries_then_thrown_with_status_and_path()
    {
        const string page = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
        await using var server = await LoopbackServer.StartAsync(502, "text/html", page);
        await using var client = RestTestClients.Client(server.BaseUri, maxRetries: 2);

        var error = await Assert.ThrowsAsync<MlflowNetworkException>(() => client.Runs.LogParamAsync(RunId, "lr", "0.1"));

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(502, error.HttpStatus);
        Assert.Contains("502 Bad Gateway", error.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("/api/2.0/mlflow/runs/log-parameter", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<center>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_400_is_never_retried()
    {
        var transcript = Transcript.Mlflow35(53);
        await using var server = await LoopbackServer.StartAsync(transcript.Status, "application/json", transcript.ResponseBodyText);
        await using var client = RestTestClients.Client(server.BaseUri, maxRetries: 5);

        await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => client.Runs.LogParamAsync(RunId, "lr", "0.02"));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_404_not_found_is_never_retried()
    {
        var transcript = Transcript.Mlflow35(136);
        await using var server = await LoopbackServer.StartAsync(transcript.Status, "application/json", transcript.ResponseBodyText);
        await using var client = RestTestClients.Client(server.BaseUri, maxRetries: 5);

        await Assert.ThrowsAsync<MlflowNotFoundException>(() => client.Runs.GetAsync("ffffffffffffffffffffffffffffffff"));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_500_MLflow_error_is_retried_then_keeps_its_code()
    {
        var transcript = Transcript.Mlflow35(19);
        await using var server = await LoopbackServer.StartAsync(500, "application/json", transcript.ResponseBodyText);
        await using var client = RestTestClients.Client(server.BaseUri, maxRetries: 2);

        var error = await Assert.ThrowsAsync<MlflowException>(() => client.Experiments.GetAsync("abc"));

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(MlflowErrorCodes.InternalError, error.ErrorCode);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_retried_and_surfaces_as_cancellation()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async (_, context) =>
        {
            received.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        await using var client = RestTestClients.Client(server.BaseUri, maxRetries: 3);
        using var cancel = new CancellationTokenSource();

        // Cancelled once the request is on the server, so the one request is certain to have been sent.
        var call = client.Experiments.GetAsync("1", cancel.Token);
        await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Single(server.Requests);
    }
}
