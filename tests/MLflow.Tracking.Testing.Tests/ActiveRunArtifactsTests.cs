using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking.Testing.Tests;

/// <summary><c>ActiveRun</c>'s artifact and input methods, recorded by <see cref="MlflowFake"/>.</summary>
public sealed class ActiveRunArtifactsTests
{
    private static readonly TrackedRunDefinition Train = new("training", "train", "Tests.Trainer.Train");

    [Fact]
    public void Text_dict_file_and_input_are_recorded_on_the_run()
    {
        using var fake = new MlflowFake();
        var file = Path.Combine(Path.GetTempPath(), "mlflow-fake-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(file, "weights");
        try
        {
            RunTracked(run =>
            {
                run.LogText("hello", "notes/readme.txt");
                var weights = new JsonObject { ["w"] = new JsonArray(0.5, 1.5) };
                run.LogDict(weights, "model/weights.json");
                weights["w"] = "changed"; // the JSON was captured when logged
                run.LogDict(new Dictionary<string, object?> { ["epochs"] = 3 }, "config.json");
                run.LogArtifact(file, "files");
                run.LogInput(new Dataset("points", "abc", "local", "points.csv"), "training");
            });
        }
        finally
        {
            File.Delete(file);
        }

        fake.AssertArtifactLogged("notes/readme.txt", "hello");
        fake.AssertArtifactLogged("model/weights.json", "{\n  \"w\": [\n    0.5,\n    1.5\n  ]\n}");
        fake.AssertArtifactLogged("config.json", "{\n  \"epochs\": 3\n}");
        fake.AssertArtifactLogged("files/" + Path.GetFileName(file), "weights");
        fake.AssertInputLogged("points", "training");
        fake.AssertRunTerminated(RunStatus.Finished);
    }

    [Fact]
    public void A_missing_file_does_not_fail_the_call_and_the_rest_of_the_run_is_kept()
    {
        using var fake = new MlflowFake();
        var missing = Path.Combine(Path.GetTempPath(), "mlflow-fake-missing-" + Guid.NewGuid().ToString("N") + ".bin");

        RunTracked(run =>
        {
            run.LogArtifact(missing);
            run.LogText("after", "after.txt");
            run.LogMetric("loss", 0.5);
        });

        fake.AssertArtifactLogged("after.txt", "after");
        fake.AssertMetricLogged("loss", 0.5);
        fake.AssertRunTerminated(RunStatus.Finished);
        Assert.Throws<MlflowAssertionException>(() => fake.AssertArtifactLogged(Path.GetFileName(missing)));
    }

    [Fact]
    public void Programmer_errors_throw_at_the_call()
    {
        using var fake = new MlflowFake();

        RunTracked(run =>
        {
            Assert.Throws<ArgumentNullException>(() => run.LogText(null!, "a.txt"));
            Assert.Throws<ArgumentException>(() => run.LogArtifact(""));
            Assert.Throws<ArgumentNullException>(() => run.LogInput(null!, "training"));
            Assert.Throws<MlflowInvalidParameterException>(() => run.LogDict(new JsonObject(), "config.yaml"));
        });

        fake.AssertRunTerminated(RunStatus.Finished);
    }

    private static void RunTracked(Action<ActiveRun> body)
    {
        var run = MlflowTracking.Tracker.StartRun(Train);
        try
        {
            body(run);
            run.Complete();
        }
        catch (Exception ex) when (run.Fail(ex))
        {
            throw;
        }
        finally
        {
            run.Dispose();
        }
    }
}
