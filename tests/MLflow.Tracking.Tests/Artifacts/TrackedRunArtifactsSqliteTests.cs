using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MLflow.Tracking.Datasets;
using MLflow.Tracking.Tests.TestSupport;
using MLflow.Tracking.Tests.Tracking.Support;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Tests.Artifacts;

/// <summary>
/// <c>ActiveRun.LogArtifact</c>/<c>LogText</c>/<c>LogDict</c>/<c>LogInput</c> through the tracker's background
/// pipeline into the embedded SQLite store in a fresh folder: the files land under
/// <c>mlruns/&lt;experiment&gt;/&lt;run&gt;/artifacts/</c> as MLflow's client puts them, the input in its tables.
/// </summary>
public sealed class TrackedRunArtifactsSqliteTests
{
    [Fact]
    public async Task Artifacts_and_inputs_of_a_tracked_run_land_where_MLflow_client_puts_them()
    {
        using var temp = new TempDirectory();
        var database = temp.File("mlflow.db");
        var weights = temp.File("weights.bin");
        File.WriteAllBytes(weights, [0, 1, 2, 255]);
        var plots = Directory.CreateDirectory(temp.File("plots")).FullName;
        File.WriteAllText(Path.Combine(plots, "loss.csv"), "step,loss\n0,1\n");
        var logs = new CapturingLoggerFactory();
        string runId;
        await using (var tracker = new BackgroundRunTracker(new MlflowOptions { TrackingUri = "sqlite:///" + database, BatchInterval = TimeSpan.FromMilliseconds(20) }, logs))
        {
            var run = tracker.StartRun(new TrackedRunDefinition("training", "train", "Tests.Trainer.Train"));
            run.LogMetric("loss", 0.5, step: 0);
            run.LogArtifact(weights, "model");
            run.LogArtifacts(plots, "plots");
            run.LogText("hello\n", "notes/readme.txt");
            var config = new JsonObject { ["lr"] = 0.01 };
            run.LogDict(config, "config.json");
            config["lr"] = 99; // captured at call time: the change is not logged
            run.LogArtifact(temp.File("missing.bin"));
            run.LogInput(new Dataset("points", "a1b2c3d4", "local", "{\"uri\": \"points.csv\"}"), "training");
            run.LogMetric("loss", 0.25, step: 1);
            runId = await run.GetRunIdAsync();
            run.Complete();
            run.Dispose();
            var flushed = await tracker.FlushAsync();
            Assert.Equal(0, flushed.Pending);
            Assert.Equal(1, flushed.Refused); // the missing file, counted
        }

        var artifacts = Path.Combine(temp.Path, "mlruns", SqliteInspector.Scalar(database, "SELECT experiment_id FROM runs")!.ToString()!, runId, "artifacts");
        Assert.Equal(
            new[] { "config.json", "model/weights.bin", "notes/readme.txt", "plots/loss.csv" },
            Directory.EnumerateFiles(artifacts, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(artifacts, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, File.ReadAllBytes(Path.Combine(artifacts, "model", "weights.bin")));
        Assert.Equal("hello\n", File.ReadAllText(Path.Combine(artifacts, "notes", "readme.txt")));
        Assert.Equal("{\n  \"lr\": 0.01\n}", File.ReadAllText(Path.Combine(artifacts, "config.json")));
        Assert.EndsWith("/" + runId + "/artifacts", (string)SqliteInspector.Scalar(database, "SELECT artifact_uri FROM runs")!, StringComparison.Ordinal);

        // The missing file is logged by path; nothing else of the run is lost.
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains(temp.File("missing.bin"), StringComparison.Ordinal));
        Assert.Equal(2L, SqliteInspector.Scalar(database, "SELECT COUNT(*) FROM metrics WHERE key = 'loss'"));
        Assert.Equal("FINISHED", SqliteInspector.Scalar(database, "SELECT status FROM runs"));
        Assert.Equal("points", SqliteInspector.Scalar(database, "SELECT name FROM datasets"));
        Assert.Equal("training", SqliteInspector.Scalar(database, "SELECT value FROM input_tags WHERE name = 'mlflow.data.context'"));
    }
}
