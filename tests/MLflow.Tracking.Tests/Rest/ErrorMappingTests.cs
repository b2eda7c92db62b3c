using System;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Rest;

/// <summary>MLflow's error answers become typed exceptions with code, status and the server's message.</summary>
public sealed class ErrorMappingTests
{
    private static async Task<TException> ReplayAsync<TException>(int number, Func<MlflowClient, Task> call)
        where TException : MlflowException
    {
        await using var replay = await TranscriptReplay.StartAsync([Transcript.Mlflow35(number)]);
        await using var client = RestTestClients.Client(replay.BaseUri);
        var error = await Assert.ThrowsAsync<TException>(() => call(client));
        replay.AssertMatched();
        return error;
    }

    [Fact]
    public async Task Creating_an_existing_experiment_throws_already_exists_with_HTTP_400()
    {
        var error = await ReplayAsync<MlflowAlreadyExistsException>(7, c => c.Experiments.CreateAsync("csharp-eval-exp-1"));

        Assert.Equal(MlflowErrorCodes.ResourceAlreadyExists, error.ErrorCode);
        Assert.Equal(400, error.HttpStatus);
        Assert.StartsWith("Experiment(name=csharp-eval-exp-1) already exists.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_experiment_throws_not_found_with_the_server_message()
    {
        var error = await ReplayAsync<MlflowNotFoundException>(14, c => c.Experiments.GetByNameAsync("does-not-exist"));

        Assert.Equal(404, error.HttpStatus);
        Assert.Equal("Could not find experiment with name 'does-not-exist'", error.Message);
    }

    [Fact]
    public async Task FindByNameAsync_returns_null_for_a_missing_experiment()
    {
        await using var replay = await TranscriptReplay.StartAsync([Transcript.Mlflow35(14)]);
        await using var client = RestTestClients.Client(replay.BaseUri);

        Assert.Null(await client.Experiments.FindByNameAsync("does-not-exist"));
    }

    [Fact]
    public async Task Changing_a_param_throws_invalid_parameter_naming_the_key()
    {
        var error = await ReplayAsync<MlflowInvalidParameterException>(53, c => c.Runs.LogParamAsync("5c757f7580474e1c9206183141d430a8", "lr", "0.02"));

        Assert.Equal(MlflowErrorCodes.InvalidParameterValue, error.ErrorCode);
        Assert.Contains("key='lr'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logging_to_a_deleted_run_throws_invalid_parameter()
    {
        var error = await ReplayAsync<MlflowInvalidParameterException>(155, c => c.Runs.LogMetricAsync("412d613dd9f5410e9aa5e056879b6631", "acc", 1.0, DateTimeOffset.FromUnixTimeMilliseconds(1795419036591)));

        Assert.Contains("must be in the 'active' state", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_251_character_key_refused_by_the_server_maps_to_invalid_parameter()
    {
        var transcript = Transcript.Mlflow35(61);
        await using var server = await LoopbackServer.StartAsync(transcript.Status, transcript.ContentType!, transcript.ResponseBodyText);
        await using var client = RestTestClients.Client(server.BaseUri);

        // The client refuses such keys itself; the store below it still maps the server's refusal.
        var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => client.Store.LogParamAsync("5c757f7580474e1c9206183141d430a8", new Param(new string('k', 251), "1"), default));

        Assert.Equal("'Param key' exceeds the maximum length of 250 characters", error.Message);
        Assert.Equal(400, error.HttpStatus);
    }

    [Fact]
    public async Task A_251_character_key_is_refused_by_the_client_before_sending()
    {
        await using var server = await LoopbackServer.StartAsync(200, "application/json", "{}");
        await using var client = RestTestClients.Client(server.BaseUri);

        var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => client.Runs.LogParamAsync("run", new string('k', 251), "1"));

        Assert.Contains("'Param key' exceeds the maximum length of 250 characters", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData(3, 404, "404 Not Found")]
    [InlineData(4, 405, "405 Method Not Allowed")]
    public async Task An_HTML_answer_throws_a_network_exception_with_the_status_and_a_short_excerpt(int number, int status, string title)
    {
        var transcript = Transcript.Mlflow35(number);
        await using var server = await LoopbackServer.StartAsync(transcript.Status, transcript.ContentType!, transcript.ResponseBodyText);
        await using var client = RestTestClients.Client(server.BaseUri);

        var error = await Assert.ThrowsAsync<MlflowNetworkException>(() => client.Experiments.GetAsync("1"));

        Assert.Equal(status, error.HttpStatus);
        Assert.Contains(title, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/api/2.0/mlflow/experiments/get", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_text_403_throws_permission_denied_with_the_server_text()
    {
        var error = await ReplayAsync<MlflowPermissionDeniedException>(212, c => c.Experiments.GetAsync("0"));

        Assert.Equal(403, error.HttpStatus);
        Assert.Contains("Invalid Host header - possible DNS rebinding attack detected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_HTML_body_is_cut_to_a_short_excerpt()
    {
        var body = "<html><body>" + string.Concat(Enumerable.Repeat("<p>proxy trouble</p>", 5000)) + "</body></html>";
        await using var server = await LoopbackServer.StartAsync(404, "text/html", body);
        await using var client = RestTestClients.Client(server.BaseUri);

        var error = await Assert.ThrowsAsync<MlflowNetworkException>(() => client.Runs.GetAsync("r"));

        Assert.True(error.Message.Length < 600, error.Message);
    }

    [Fact]
    public async Task A_500_internal_error_keeps_MLflow_code_and_message()
    {
        var error = await ReplayAsync<MlflowException>(19, c => c.Experiments.GetAsync("abc"));

        Assert.Equal(MlflowErrorCodes.InternalError, error.ErrorCode);
        Assert.Equal(500, error.HttpStatus);
        Assert.Contains("invalid literal for int()", error.Message, StringComparison.Ordinal);
    }
}
