using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using MLflow.Tracking.Datasets;
using MLflow.Tracking.Pipeline;
using MLflow.Tracking.Spool;
using MLflow.Tracking.Tests.TestSupport;

namespace MLflow.Tracking.Tests.Artifacts;

/// <summary>
/// What the spool keeps of a queued artifact or input when the store is down: a file as its local path (read at
/// replay, its bytes never copied), text as its content, an input as its JSON. Read back, each delivers as before.
/// </summary>
public sealed class SpooledAttachmentTests
{
    [Fact]
    public async Task Attachments_read_back_from_spool_json_deliver_to_the_store()
    {
        using var temp = new TempDirectory();
        var weights = temp.File("weights.bin");
        File.WriteAllBytes(weights, [7, 8, 9]);
        RunAttachment[] queued =
        [
            new FileAttachment(weights, "model"),
            new TextAttachment("{\n  \"a\": 1\n}", "config.json"),
            new InputAttachment(DatasetInput.Create(new Dataset("points", "abcd1234", "local", "{\"uri\": \"points.csv\"}") { Profile = "{\"num_rows\": 3}" }, "training")),
        ];

        var lines = new string[queued.Length];
        for (var i = 0; i < queued.Length; i++)
        {
            lines[i] = JsonSerializer.Serialize(queued[i].ToSpoolItem(), SpoolJsonContext.Default.SpoolItem);
        }

        Assert.Contains(JsonEncodedText.Encode(weights).ToString(), lines[0], System.StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0007", lines[0], System.StringComparison.Ordinal); // a path reference, not the bytes

        var database = temp.File("mlflow.db");
        await using var client = new MlflowClient(new MlflowOptions { TrackingUri = "sqlite:///" + database });
        var experimentId = await client.Experiments.CreateAsync("training");
        var runId = (await client.Runs.CreateAsync(experimentId, "run")).Info.RunId;
        foreach (var line in lines)
        {
            var restored = RunAttachment.FromSpoolItem(JsonSerializer.Deserialize(line, SpoolJsonContext.Default.SpoolItem)!);
            Assert.NotNull(restored);
            await restored.DeliverAsync(client, runId, default);
        }

        var artifacts = Path.Combine(temp.Path, "mlruns", experimentId, runId, "artifacts");
        Assert.Equal(new byte[] { 7, 8, 9 }, File.ReadAllBytes(Path.Combine(artifacts, "model", "weights.bin")));
        Assert.Equal("{\n  \"a\": 1\n}", File.ReadAllText(Path.Combine(artifacts, "config.json")));
        var input = Assert.Single((await client.Runs.GetAsync(runId)).Inputs);
        Assert.Equal("training", input.Context);
        Assert.Equal(("points", "abcd1234", "{\"num_rows\": 3}"), (input.Dataset.Name, input.Dataset.Digest, input.Dataset.Profile));
    }

    [Fact]
    public async Task LogArtifact_results_read_back_from_spool_json_deliver_bytes_and_renamed_files()
    {
        using var temp = new TempDirectory();
        var report = temp.File("report-123.csv");
        File.WriteAllText(report, "a,b\n");
        RunAttachment[] queued =
        [
            new ContentAttachment([0, 1, 2, 255], "model/weights.bin"),
            new NamedFileAttachment(report, "reports/latest.csv"),
        ];

        var lines = new string[queued.Length];
        for (var i = 0; i < queued.Length; i++)
        {
            lines[i] = JsonSerializer.Serialize(queued[i].ToSpoolItem(), SpoolJsonContext.Default.SpoolItem);
        }

        Assert.Contains("\"AAEC/w==\"", lines[0], System.StringComparison.Ordinal); // the bytes, as base64
        Assert.Contains(JsonEncodedText.Encode(report).ToString(), lines[1], System.StringComparison.Ordinal); // a path reference

        var database = temp.File("mlflow.db");
        await using var client = new MlflowClient(new MlflowOptions { TrackingUri = "sqlite:///" + database });
        var experimentId = await client.Experiments.CreateAsync("training");
        var runId = (await client.Runs.CreateAsync(experimentId, "run")).Info.RunId;
        foreach (var line in lines)
        {
            var restored = RunAttachment.FromSpoolItem(JsonSerializer.Deserialize(line, SpoolJsonContext.Default.SpoolItem)!);
            Assert.NotNull(restored);
            await restored.DeliverAsync(client, runId, default);
        }

        var artifacts = Path.Combine(temp.Path, "mlruns", experimentId, runId, "artifacts");
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, File.ReadAllBytes(Path.Combine(artifacts, "model", "weights.bin")));
        Assert.Equal("a,b\n", File.ReadAllText(Path.Combine(artifacts, "reports", "latest.csv")));
        Assert.False(File.Exists(Path.Combine(artifacts, "report-123.csv")));
    }
}
