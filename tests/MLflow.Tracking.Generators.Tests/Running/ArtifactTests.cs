using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using MLflow.Tracking.Generators.Tests.Infrastructure;
using MLflow.Tracking.Testing;

namespace MLflow.Tracking.Generators.Tests.Running;

/// <summary>
/// [LogArtifact] results through generated code and the real pipeline (<see cref="MlflowFake"/>'s synchronous
/// tracker): each supported type lands as the artifact file it names, before the run ends, and nothing about an
/// artifact ever fails the call.
/// </summary>
public sealed class ArtifactTests
{
    private const string Exporter = "Scenarios.Exporter";

    [Fact]
    public void A_string_result_is_logged_as_the_UTF8_artifact_it_names()
    {
        using var mlflow = new MlflowFake();

        var result = ScenarioAssembly.Call(ScenarioAssembly.Create(Exporter), "Export", "résumé");

        Assert.Equal("{\"name\":\"résumé\"}", result);
        var run = mlflow.AssertArtifactLogged("model.json", "{\"name\":\"résumé\"}");
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal("export", run.ExperimentName);
    }

    [Fact]
    public void A_null_result_logs_no_artifact_and_the_run_finishes()
    {
        using var mlflow = new MlflowFake();

        Assert.Null(ScenarioAssembly.Call(ScenarioAssembly.Create(Exporter), "ExportNothing"));

        var run = Assert.Single(mlflow.Runs);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Empty(run.Artifacts);
    }

    [Fact]
    public async Task Members_of_a_Task_result_are_logged_once_it_completes_each_by_its_type()
    {
        using var mlflow = new MlflowFake();
        var folder = Directory.CreateTempSubdirectory("mlflow-artifact-test-");
        try
        {
            var report = new FileInfo(Path.Combine(folder.FullName, "report.csv"));
            await File.WriteAllTextAsync(report.FullName, "a,b\n1,2\n");
            var weights = new byte[] { 0, 1, 2, 255 };
            var log = new MemoryStream(Encoding.UTF8.GetBytes("skip:epoch 1\nepoch 2\n"));
            log.Position = 5;
            var bundle = CreateBundle(weights, log, report, new byte[] { 9, 8, 7 });

            var returned = await CallPackAsync(bundle);

            Assert.Same(bundle, returned);
            weights[0] = 42; // copied when the call returned: later changes are not logged
            Assert.Equal(5, log.Position); // put back where the caller left it
            var run = Assert.Single(mlflow.Runs);
            Assert.Equal(RunStatus.Finished, run.Status);
            Assert.Equal(new byte[] { 0, 1, 2, 255 }, run.Artifacts["model/weights.bin"]);
            mlflow.AssertArtifactLogged("log.txt", "epoch 1\nepoch 2\n");
            mlflow.AssertArtifactLogged("report.csv", "a,b\n1,2\n");
            mlflow.AssertArtifactLogged("renamed/report.csv", "a,b\n1,2\n");
            Assert.Equal(new byte[] { 9, 8, 7 }, run.Artifacts["tokens.bin"]);
            mlflow.AssertArtifactLogged("summary.txt", "weights: 4");
            Assert.False(run.Artifacts.ContainsKey("notes.md")); // null: nothing
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_throwing_getter_a_missing_file_and_a_one_way_stream_cost_their_artifact_never_the_call()
    {
        using var mlflow = new MlflowFake();
        var missing = new FileInfo(Path.Combine(Path.GetTempPath(), "mlflow-missing-" + Guid.NewGuid().ToString("N") + ".csv"));
        var oneWay = (Stream)Activator.CreateInstance(ScenarioAssembly.Type("Scenarios.OneWayStream"), new object[] { new byte[] { 1, 2, 3 } })!;
        var bundle = CreateBundle(weights: null, oneWay, missing, ReadOnlyMemory<byte>.Empty);

        await CallPackAsync(bundle);

        var run = Assert.Single(mlflow.Runs);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal(0, oneWay.Position); // a stream that cannot seek is not read
        Assert.False(run.Artifacts.ContainsKey("log.txt"));
        Assert.False(run.Artifacts.ContainsKey(missing.Name));
        Assert.False(run.Artifacts.ContainsKey("summary.txt")); // its getter threw
        Assert.Empty(run.Artifacts["tokens.bin"]); // an empty buffer is an empty file, as MLflow stores one
    }

    [Fact]
    public void A_returned_stream_is_copied_from_its_position_and_handed_back_unread()
    {
        using var mlflow = new MlflowFake();
        using var stream = new MemoryStream(new byte[] { 1, 2, 3, 4 });
        stream.Position = 1;

        var returned = (Stream)ScenarioAssembly.Call(ScenarioAssembly.Create(Exporter), "Open", stream)!;

        Assert.Same(stream, returned);
        Assert.Equal(1, returned.Position);
        Assert.Equal(new byte[] { 2, 3, 4 }, Assert.Single(mlflow.Runs).Artifacts["stream.bin"]);
    }

    private static object CreateBundle(byte[]? weights, Stream? log, FileInfo? report, ReadOnlyMemory<byte> tokens)
    {
        var bundle = ScenarioAssembly.Create("Scenarios.Bundle");
        var type = bundle.GetType();
        type.GetProperty("Weights")!.SetValue(bundle, weights);
        type.GetProperty("Log")!.SetValue(bundle, log);
        type.GetProperty("Report")!.SetValue(bundle, report);
        type.GetProperty("Same")!.SetValue(bundle, report);
        type.GetProperty("Tokens")!.SetValue(bundle, tokens);
        return bundle;
    }

    // Task<Bundle?> is not a Task<object?>: await it as a Task and read its Result.
    private static async Task<object?> CallPackAsync(object bundle)
    {
        var task = (Task)ScenarioAssembly.Call(ScenarioAssembly.Create(Exporter), "PackAsync", bundle)!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }
}
