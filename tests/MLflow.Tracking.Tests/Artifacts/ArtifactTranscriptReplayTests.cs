using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MLflow.Tracking.Stores.Rest;
using MLflow.Tracking.TestSupport;
using MLflow.Tracking.Tests.Rest;
using MLflow.Tracking.Tests.TestSupport;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking.Tests.Artifacts;

/// <summary>
/// Replays MLflow 3.5.1's artifacts-proxy and dataset-inputs transcripts, in order, through the REST store: each
/// call is made as a user would, the request sent must be the recorded one (method, raw percent-encoded path,
/// query, body) and the recorded answer must map to the right result or typed exception.
/// </summary>
public sealed class ArtifactTranscriptReplayTests
{
    private const string RunId = "5259125ae5db4487a2b3ca4337d66f71";

    private static readonly Lazy<IReadOnlyList<Transcript>> All = new(() => Transcript.LoadAll(MlflowReference.ArtifactsTranscripts));

    private static Transcript T(int number) => All.Value.Single(t => t.Number == number);

    [Fact]
    public async Task Every_artifact_and_input_transcript_replays_through_the_client_in_order()
    {
        using var temp = new TempDirectory();
        await using var replay = await TranscriptReplay.StartAsync();

        // Seven retries, as by default: the missing-file download (HTTP 500) must still be sent once only.
        await using var client = RestTestClients.Client(replay.BaseUri, maxRetries: 7);

        async Task<ReplayedExchange> Step(int number, Func<Task> call, params string[] allowedExtras)
        {
            var before = replay.Exchanges.Count;
            replay.Expect(T(number));
            await call();
            Assert.True(replay.Pending == 0, $"transcript {number} was not requested");
            replay.AssertMatched();
            var exchange = replay.Exchanges[before];
            Assert.Equal(before + 1, replay.Exchanges.Count);
            AssertSameRequest(exchange, allowedExtras);
            return exchange;
        }

        await Step(1, async () => Assert.Equal("1", await client.Experiments.CreateAsync("artifacts-demo")));
        await Step(2, async () => Assert.Equal("mlflow-artifacts:/1", (await client.Experiments.GetAsync("1")).ArtifactLocation));
        await Step(3, async () => Assert.Equal(RunId, (await client.Runs.CreateAsync("1", "with-artifacts", startTime: DateTimeOffset.FromUnixTimeMilliseconds(1796113074738))).Info.RunId), "tags", "user_id");

        // The client reads the run's artifact URI once (runs/get) before its first artifact call.
        replay.Expect(T(29));
        var repository = await client.Artifacts.GetRepositoryAsync(RunId);
        Assert.Equal("mlflow-artifacts:/1/5259125ae5db4487a2b3ca4337d66f71/artifacts", repository.RootUri);

        var model = WriteFile(temp, "model.json", "{\"weights\": [0.5, -1.25], \"bias\": 0.1}");
        var put = await Step(4, async () => Assert.Equal("model.json", await client.Artifacts.UploadAsync(RunId, model)));
        Assert.Equal(T(4).RequestBodyText, put.Actual.Body);
        Directory.CreateDirectory(temp.File("plots"));
        var loss = WriteFile(temp, Path.Combine("plots", "loss.csv"), "step,loss\n0,0.9\n1,0.5\n");
        put = await Step(5, async () => Assert.Equal("plots/loss.csv", await client.Artifacts.UploadAsync(RunId, loss, "plots")));
        Assert.Equal(T(5).RequestBodyText, put.Actual.Body);
        Assert.Equal("text/csv", put.Actual.Header("Content-Type"));
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        put = await Step(6, () => client.Artifacts.UploadStreamAsync(RunId, new MemoryStream(bytes), "plots/bytes.bin"));
        Assert.Equal("256", put.Actual.Header("Content-Length"));
        var empty = WriteFile(temp, "empty.txt", string.Empty);
        put = await Step(7, () => client.Artifacts.UploadAsync(RunId, empty));
        Assert.Equal("0", put.Actual.Header("Content-Length"));
        put = await Step(8, () => client.Artifacts.UploadTextAsync(RunId, "précis", "résumé final.txt"));
        Assert.Equal("précis", put.Actual.Body);

        await Step(9, async () => Assert.Equal(
            [new("empty.txt", false, 0), new("model.json", false, 38), new("plots", true, null), new("résumé final.txt", false, 7)],
            await client.Artifacts.ListAsync(RunId)));
        await Step(10, async () => Assert.Equal(
            [new("plots/bytes.bin", false, 256), new("plots/loss.csv", false, 22)],
            await client.Artifacts.ListAsync(RunId, "plots")));
        await Step(11, async () => Assert.Empty(await client.Artifacts.ListAsync(RunId, "nope")));

        var downloaded = new MemoryStream();
        await Step(12, () => client.Artifacts.DownloadAsync(RunId, "model.json", downloaded));
        Assert.Equal(T(12).ResponseBodyText, Encoding.UTF8.GetString(downloaded.ToArray()));
        var missing = await Record.ExceptionAsync(() => Step(13, () => client.Artifacts.DownloadAsync(RunId, "missing.json", new MemoryStream())));
        var notFound = Assert.IsType<MlflowNotFoundException>(missing);
        Assert.Equal(500, notFound.HttpStatus);
        Assert.Contains("missing.json", notFound.Message, StringComparison.Ordinal);
        Assert.Single(replay.Requests, r => r.Path.EndsWith("/missing.json", StringComparison.Ordinal));

        var rest = Assert.IsType<RestMlflowStore>(client.Store);
        await Step(14, async () => Assert.Equal(
            [new("empty.txt", false, 0), new("model.json", false, 38), new("plots", true, null), new("résumé final.txt", false, 7)],
            await rest.ListRunArtifactsAsync(RunId, null, default)));
        await Step(15, async () => Assert.Equal(
            [new("plots/bytes.bin", false, 256), new("plots/loss.csv", false, 22)],
            await rest.ListRunArtifactsAsync(RunId, "plots", default)));

        // 016–018: MLflow answers a climbing path with 400 "Invalid path"; the client refuses it before sending.
        var sentBefore = replay.Requests.Count;
        await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => client.Artifacts.UploadTextAsync(RunId, "x", "../../../escape.txt"));
        await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => client.Artifacts.UploadTextAsync(RunId, "x", "..%2F..%2F..%2Fescape2.txt".Replace("%2F", "/", StringComparison.Ordinal)));
        await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => client.Artifacts.ListAsync(RunId, "../../"));
        Assert.Equal(sentBefore, replay.Requests.Count);

        put = await Step(19, () => client.Artifacts.UploadTextAsync(RunId, "{\"weights\": [1.0]}", "model.json"));
        Assert.Equal(T(19).RequestBodyText, put.Actual.Body);
        downloaded = new MemoryStream();
        await Step(20, () => client.Artifacts.DownloadAsync(RunId, "model.json", downloaded));
        Assert.Equal("{\"weights\": [1.0]}", Encoding.UTF8.GetString(downloaded.ToArray()));
        await Step(21, () => client.Artifacts.DeleteAsync(RunId, "empty.txt"));
        await Step(22, async () => Assert.Equal(3, (await client.Artifacts.ListAsync(RunId)).Count));

        var points = new Dataset("points", "a1b2c3d4", "local", "{\"uri\": \"/data/points.csv\"}")
        {
            Schema = "{\"mlflow_colspec\": [{\"type\": \"double\", \"name\": \"x\"}]}",
            Profile = "{\"num_rows\": 200}",
        };
        await Step(23, () => client.Runs.LogInputAsync(RunId, points, "training"));
        await Step(24, () => client.Runs.LogInputAsync(RunId, points, "training"));
        await Step(25, () => client.Runs.LogInputAsync(RunId, points with { Name = "points-test", Digest = "e5f6", Profile = null }, "eval"));
        await Step(26, () => client.Runs.LogInputAsync(RunId, new Dataset("x", string.Empty, "local", "{}")));
        var noRun = await Record.ExceptionAsync(() => Step(27, () => client.Runs.LogInputAsync("00000000000000000000000000000000", points)));
        Assert.IsType<MlflowNotFoundException>(noRun);
        await Step(28, () => client.Runs.LogInputsAsync(RunId, []));

        Run? run = null;
        replay.Expect(T(29));
        run = await client.Runs.GetAsync(RunId);
        AssertRecordedInputs(run);
        var search = new[] { (30, "datasets.name = 'points'"), (31, "datasets.context = 'training'") };
        foreach (var (number, filter) in search)
        {
            await Step(number, async () => AssertRecordedInputs((await client.Runs.SearchAsync(["1"], filter, maxResults: 10)).Items.Single()), TranscriptDrivers.AllowedExtras);
        }

        await Step(32, () => client.Runs.SetTerminatedAsync(RunId, RunStatus.Finished, DateTimeOffset.FromUnixTimeMilliseconds(1796113074884)), TranscriptDrivers.AllowedExtras);
    }

    [Fact]
    public async Task A_missing_file_download_answered_500_is_not_retried_and_other_500s_still_are()
    {
        var attempts = 0;
        await using var server = await LoopbackServer.StartAsync(async (request, context) =>
        {
            if (request.Path.EndsWith("/runs/get", StringComparison.Ordinal))
            {
                await LoopbackServer.RespondAsync(context, 200, "application/json", T(29).ResponseBodyText);
                return;
            }

            attempts++;
            await LoopbackServer.RespondAsync(context, 500, "application/json", T(13).ResponseBodyText);
        });
        await using var client = RestTestClients.Client(server.BaseUri, maxRetries: 3);

        await Assert.ThrowsAsync<MlflowNotFoundException>(() => client.Artifacts.DownloadAsync(RunId, "missing.json", new MemoryStream()));
        Assert.Equal(1, attempts);

        // An upload answered 500 is retried as any MLflow call.
        attempts = 0;
        await Assert.ThrowsAsync<MlflowException>(() => client.Artifacts.UploadTextAsync(RunId, "x", "a.txt"));
        Assert.Equal(4, attempts);
    }

    private static void AssertRecordedInputs(Run run)
    {
        Assert.Equal(["points", "points-test", "x"], run.Inputs.Select(i => i.Dataset.Name));
        Assert.Equal(["training", "eval", null], run.Inputs.Select(i => i.Context));
        Assert.Equal("{\"num_rows\": 200}", run.Inputs[0].Dataset.Profile);
        Assert.Null(run.Inputs[1].Dataset.Profile);
        Assert.Equal(string.Empty, run.Inputs[2].Dataset.Digest);
    }

    private static void AssertSameRequest(ReplayedExchange exchange, string[] allowedExtras)
    {
        var (expected, actual) = (exchange.Expected, exchange.Actual);
        Assert.Equal(expected.Method, actual.Method);
        Assert.Equal(expected.Path, actual.Path);
        if (expected.RequestIsStrictJson && expected.RequestBody is not null && actual.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            TranscriptReplay.AssertRequestEquivalent(exchange, null, ["run_uuid", .. allowedExtras]);
        }
        else
        {
            var actualQuery = actual.QueryParameters();
            Assert.All(expected.Query, q => Assert.Contains(q, actualQuery));
        }
    }

    private static string WriteFile(TempDirectory temp, string name, string content)
    {
        var path = temp.File(name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
