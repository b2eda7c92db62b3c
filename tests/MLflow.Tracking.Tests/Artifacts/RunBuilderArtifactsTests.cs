using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MLflow.Tracking.Datasets;
using MLflow.Tracking.Testing;
using MLflow.Tracking.Tests.TestSupport;

namespace MLflow.Tracking.Tests.Artifacts;

/// <summary>
/// <c>client.CreateRunBuilder(…)</c> holds what <see cref="ActiveRun"/> logs: <c>WithArtifact</c>, <c>WithArtifacts</c>,
/// <c>WithText</c>, <c>WithDict</c> next to <c>WithInput</c>; every path and local file checked before the run exists.
/// </summary>
public sealed class RunBuilderArtifactsTests
{
    [Fact]
    public async Task A_built_run_starts_with_its_files_text_dict_and_input_where_MLflow_puts_them()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("model.bin"), [1, 2, 3]);
        Directory.CreateDirectory(temp.File("plots"));
        File.WriteAllText(temp.File(Path.Combine("plots", "loss.csv")), "step,loss\n");
        await using var client = new MlflowClient(new MlflowOptions { TrackingUri = "sqlite:///" + temp.File("mlflow.db") });
        var experimentId = await client.Experiments.CreateAsync("built");

        var run = await client.CreateRunBuilder(experimentId)
            .WithName("baseline")
            .WithArtifact(temp.File("model.bin"), "model")
            .WithArtifacts(temp.File("plots"), "plots")
            .WithText("hello\n", "notes/readme.txt")
            .WithDict(new JsonObject { ["lr"] = 0.01 }, "config.json")
            .WithDict(new Dictionary<string, object?> { ["epochs"] = 3 }, "more.json")
            .WithInput(new Dataset("points", "a1b2", "local", "{}"), "training")
            .StartAsync();

        var root = Path.Combine(temp.Path, "mlruns", experimentId, run.Info.RunId, "artifacts");
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(Path.Combine(root, "model", "model.bin")));
        Assert.Equal("step,loss\n", File.ReadAllText(Path.Combine(root, "plots", "loss.csv")));
        Assert.Equal("hello\n", File.ReadAllText(Path.Combine(root, "notes", "readme.txt")));
        Assert.Equal("{\n  \"lr\": 0.01\n}", File.ReadAllText(Path.Combine(root, "config.json")));
        Assert.Equal("{\n  \"epochs\": 3\n}", File.ReadAllText(Path.Combine(root, "more.json")));
        Assert.Equal("training", Assert.Single(run.Inputs).Context);
    }

    [Fact]
    public async Task A_missing_file_or_directory_fails_the_start_before_any_run_exists()
    {
        using var mlflow = new MlflowFake();
        var experimentId = await mlflow.Client.Experiments.CreateAsync("built");
        var missing = Path.Combine(Path.GetTempPath(), "mlflow-missing-" + System.Guid.NewGuid().ToString("N"), "model.bin");

        var file = await Assert.ThrowsAsync<FileNotFoundException>(() => mlflow.Client.CreateRunBuilder(experimentId).WithText("x", "a.txt").WithArtifact(missing).StartAsync());
        var directory = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => mlflow.Client.CreateRunBuilder(experimentId).WithArtifacts(Path.GetDirectoryName(missing)!).StartAsync());

        Assert.Contains(missing, file.Message, System.StringComparison.Ordinal);
        Assert.Contains(Path.GetDirectoryName(missing)!, directory.Message, System.StringComparison.Ordinal);
        Assert.Empty(mlflow.Runs);
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public void A_path_that_breaks_a_rule_is_refused_when_added(string artifactFile)
    {
        using var mlflow = new MlflowFake();
        var builder = mlflow.Client.CreateRunBuilder("0");

        Assert.Throws<MlflowInvalidParameterException>(() => builder.WithText("x", artifactFile));
        Assert.Throws<MlflowInvalidParameterException>(() => builder.WithDict(new JsonObject(), artifactFile));
    }

    [Fact]
    public void A_yaml_dict_and_a_climbing_directory_are_refused_when_added()
    {
        using var mlflow = new MlflowFake();
        var builder = mlflow.Client.CreateRunBuilder("0");

        var yaml = Assert.Throws<MlflowInvalidParameterException>(() => builder.WithDict(new JsonObject(), "config.yaml"));
        Assert.Contains("config.yaml", yaml.Message, System.StringComparison.Ordinal);
        Assert.Throws<MlflowInvalidParameterException>(() => builder.WithArtifact("model.bin", "../up"));
        Assert.Throws<MlflowInvalidParameterException>(() => builder.WithArtifacts(".", "a/../../b"));
    }

    [Fact]
    public async Task The_fake_records_a_built_runs_artifacts_for_its_assertions()
    {
        using var mlflow = new MlflowFake();
        var experimentId = await mlflow.Client.Experiments.CreateAsync("built");

        var run = await mlflow.Client.CreateRunBuilder(experimentId).WithName("b").WithText("weights", "model/w.txt").WithInput(new Dataset("points", "d", "local", "{}"), "eval").StartAsync();

        Assert.Equal(run.Info.RunId, mlflow.AssertArtifactLogged("model/w.txt", "weights").RunId);
        Assert.Equal(run.Info.RunId, mlflow.AssertInputLogged("points", "eval").RunId);
    }
}
