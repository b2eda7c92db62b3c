using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MLflow.Tracking.Tests.TestSupport;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking.Tests.Artifacts;

/// <summary>
/// The embedded SQLite store against what MLflow 3.5.1's own Python client wrote for <c>sqlite:///mlflow.db</c>
/// (databases/python-client-local-artifacts-and-inputs.json): the same calls in a fresh folder must give the same
/// artifact locations, the same files with the same bytes under <c>mlruns/</c>, and the same dataset rows.
/// </summary>
public sealed class SqliteArtifactsReferenceTests
{
    private const string ReferenceRoot = "/srv/mlflow-local";

    private static readonly Lazy<JsonElement> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(ReferenceData.Database("python-client-local-artifacts-and-inputs.json"))).RootElement.Clone());

    [Fact]
    public async Task Artifacts_and_inputs_land_where_and_as_MLflow_client_writes_them()
    {
        using var temp = new TempDirectory();
        var reference = Reference.Value;
        var database = temp.File("mlflow.db");
        string runId;
        await using (var client = new MlflowClient(new MlflowOptions { TrackingUri = "sqlite:///" + database }))
        {
            var experimentId = await client.Experiments.CreateAsync("training");
            runId = (await client.Runs.CreateAsync(experimentId, "run")).Info.RunId;

            // The calls the reference run made: log_artifact, log_artifact into a directory, log_artifacts, log_text, log_dict.
            var source = Directory.CreateDirectory(temp.File("source")).FullName;
            File.WriteAllText(Path.Combine(source, "model.json"), "{\"weights\": [0.5]}");
            var plots = Directory.CreateDirectory(Path.Combine(source, "plots")).FullName;
            File.WriteAllText(Path.Combine(plots, "loss.csv"), "step,loss\n0,1\n");
            await client.Artifacts.UploadAsync(runId, Path.Combine(source, "model.json"));
            await client.Artifacts.UploadAsync(runId, Path.Combine(plots, "loss.csv"), "plots");
            Assert.Equal(["all-plots/loss.csv"], await client.Artifacts.UploadDirectoryAsync(runId, plots, "all-plots"));
            await client.Artifacts.UploadTextAsync(runId, "hello\n", "notes/readme.txt");
            await client.Artifacts.UploadDictAsync(runId, new Dictionary<string, object?> { ["a"] = 1, ["b"] = new[] { 1, 2 } }, "config.json");

            // YAML is the one thing not written: refused with a message naming the file, nothing left behind.
            var yaml = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => client.Artifacts.UploadDictAsync(runId, new Dictionary<string, object?> { ["a"] = 1 }, "config.yaml"));
            Assert.Contains("config.yaml", yaml.Message, StringComparison.Ordinal);

            var dataset = new Dataset("points", "a1b2c3d4", "http", "{\"url\": \"https://example.com/points.csv\"}");
            await client.Runs.LogInputAsync(runId, dataset, "training", [new("split", "train")]);
            await client.Runs.LogInputAsync(runId, dataset, "training", [new("split", "train")]);
            await client.Runs.SetTerminatedAsync(runId);

            var run = await client.Runs.GetAsync(runId);
            var input = Assert.Single(run.Inputs);
            Assert.Equal("training", input.Context);
            Assert.Equal([new Tag("split", "train"), new Tag(DatasetInput.ContextTagKey, "training")], input.Tags);
        }

        // Locations: the experiment's artifact_location, then the run's artifact_uri, as mlflow ui resolves them.
        var root = temp.Path;
        var experiment = reference.GetProperty("experiments")[1];
        Assert.Equal(
            Localize(experiment[2].GetString()!, root),
            SqliteInspector.Scalar(database, "SELECT artifact_location FROM experiments WHERE name = 'training'"));
        var referenceRun = reference.GetProperty("runs")[0];
        Assert.Equal(
            Localize(referenceRun[1].GetString()!.Replace(referenceRun[0].GetString()!, runId, StringComparison.Ordinal), root),
            SqliteInspector.Scalar(database, "SELECT artifact_uri FROM runs"));

        // Files and bytes (config.yaml aside).
        var expectedFiles = reference.GetProperty("artifact_files").EnumerateArray()
            .Select(f => (Path: f[0].GetString()!.Replace(referenceRun[0].GetString()!, runId, StringComparison.Ordinal), Size: f[1].GetInt64()))
            .Where(f => !f.Path.EndsWith(".yaml", StringComparison.Ordinal))
            .ToList();
        var actualFiles = Directory.EnumerateFiles(Path.Combine(root, "mlruns"), "*", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), Size: new FileInfo(f).Length))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expectedFiles, actualFiles);
        foreach (var file in reference.GetProperty("files_content").EnumerateObject().Where(f => !f.Name.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            var path = Path.Combine(root, file.Name.Replace(referenceRun[0].GetString()!, runId, StringComparison.Ordinal));
            Assert.Equal(file.Value.GetString(), File.ReadAllText(path));
        }

        // Rows: one dataset per experiment, name and digest; one input linking it to the run; its tags, context last.
        var datasetRow = reference.GetProperty("datasets").GetProperty("rows")[0];
        var datasets = SqliteInspector.Rows(database, "SELECT dataset_uuid, experiment_id, name, digest, dataset_source_type, dataset_source, dataset_schema, dataset_profile FROM datasets");
        var actualDataset = Assert.Single(datasets);
        Assert.Equal(32, ((string)actualDataset[0]!).Length);
        Assert.Equal(datasetRow.EnumerateArray().Skip(1).Select(Scalar), actualDataset.Skip(1).Select(v => v is long l ? (object)l : v));
        var inputRow = reference.GetProperty("inputs").GetProperty("rows")[0];
        var inputs = SqliteInspector.Rows(database, "SELECT input_uuid, source_type, source_id, destination_type, destination_id, step FROM inputs");
        var actualInput = Assert.Single(inputs);
        Assert.Equal([inputRow[1].GetString(), actualDataset[0], inputRow[3].GetString(), runId, 0L], actualInput.Skip(1));
        var tags = SqliteInspector.Rows(database, "SELECT input_uuid, name, value FROM input_tags ORDER BY rowid");
        var referenceTags = reference.GetProperty("input_tags").GetProperty("rows").EnumerateArray().Select(r => (r[1].GetString(), r[2].GetString())).ToList();
        Assert.Equal(referenceTags, tags.Select(t => ((string?)t[1], (string?)t[2])).ToList());
        Assert.All(tags, t => Assert.Equal(actualInput[0], t[0]));
    }

    private static string Localize(string referencePath, string root)
    {
        var local = root + referencePath.Substring(ReferenceRoot.Length);
        return OperatingSystem.IsWindows() ? new Uri(local).AbsoluteUri : local;
    }

    private static object? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => value.GetInt64(),
        _ => value.GetString(),
    };
}
