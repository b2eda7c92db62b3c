using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Rest;

/// <summary>
/// Replays the MLflow 3.5 transcripts through a loopback server: for each scenario the client can produce, the
/// client is called as a user would, and the request it sends must match MLflow's recorded request while the recorded
/// answer must map to the right result or typed exception.
/// </summary>
public sealed class TranscriptContractTests
{
    private static readonly Lazy<IReadOnlyList<Transcript>> All = new(Transcript.LoadMlflow35);

    public static TheoryData<string> SentScenarios() => Names(ScenarioKind.Sent);

    public static TheoryData<string> RefusedScenarios() => Names(ScenarioKind.RefusedByClient);

    [Theory]
    [MemberData(nameof(SentScenarios))]
    public async Task Client_sends_the_recorded_request_and_maps_the_recorded_answer(string name)
    {
        var transcript = All.Value.Single(t => t.Name == name);
        var plan = TranscriptDrivers.Plan(transcript);
        await using var replay = await TranscriptReplay.StartAsync([transcript]);
        await using var client = RestTestClients.Client(replay.BaseUri);

        var thrown = await Record.ExceptionAsync(() => plan.Call!(client));

        Assert.True(replay.Pending == 0, $"{name}: nothing was sent; the call threw {thrown}");
        replay.AssertMatched();
        TranscriptReplay.AssertRequestEquivalent(replay.Exchanges.Single(), plan.ExpectedBody, TranscriptDrivers.AllowedExtras);
        ContractAssertions.AssertOutcome(transcript, thrown);
    }

    [Theory]
    [MemberData(nameof(RefusedScenarios))]
    public async Task Client_refuses_what_MLflow_would_reject_without_sending_it(string name)
    {
        var transcript = All.Value.Single(t => t.Name == name);
        var plan = TranscriptDrivers.Plan(transcript);
        await using var server = await LoopbackServer.StartAsync(599, "text/plain", "nothing should arrive");
        await using var client = RestTestClients.Client(server.BaseUri);

        var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => plan.Call!(client));

        Assert.Empty(server.Requests);
        Assert.Equal(MlflowErrorCodes.InvalidParameterValue, error.ErrorCode);
        Assert.Null(error.HttpStatus);
    }

    [Fact]
    public async Task Replaying_every_producible_scenario_in_order_through_one_client_matches_MLflow()
    {
        var sent = All.Value.Where(t => TranscriptDrivers.Plan(t).Kind == ScenarioKind.Sent).ToList();
        await using var replay = await TranscriptReplay.StartAsync();
        await using var client = RestTestClients.Client(replay.BaseUri);

        replay.Expect(Transcript.Mlflow35(1));
        replay.Expect(Transcript.Mlflow35(2));
        Assert.Equal($"MLflow 3.5.2.dev0 at {replay.BaseUri.AbsoluteUri}", await client.Store.PingAsync(default));
        foreach (var transcript in sent)
        {
            var plan = TranscriptDrivers.Plan(transcript);
            replay.Expect(transcript);
            var thrown = await Record.ExceptionAsync(() => plan.Call!(client));
            ContractAssertions.AssertOutcome(transcript, thrown);
            TranscriptReplay.AssertRequestEquivalent(replay.Exchanges[^1], plan.ExpectedBody, TranscriptDrivers.AllowedExtras);
        }

        replay.AssertMatched();
        Assert.Equal(sent.Count + 2, replay.Exchanges.Count);
        Assert.True(sent.Count >= 140, $"only {sent.Count} scenarios replayed");
    }

    private static TheoryData<string> Names(ScenarioKind kind)
    {
        var data = new TheoryData<string>();
        foreach (var transcript in All.Value.Where(t => TranscriptDrivers.Plan(t).Kind == kind))
        {
            data.Add(transcript.Name);
        }

        return data;
    }
}
