using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking.TestSupport.Behaviour;

/// <summary>
/// The service the shared artifact suite drives: tracked methods whose bodies log artifacts and inputs through
/// <see cref="ActiveRun.Current"/>. Both implementations (generated wrappers, DynamicProxy) run the bodies of
/// <see cref="ArtifactBodies"/>, so any difference the suite sees comes from the tracking path.
/// </summary>
public interface IArtifactBehaviourService
{
    /// <summary>[TrackedRun(Experiment = "artifacts")]; runs <see cref="ArtifactBodies.Train"/>.</summary>
    string Train(string modelFile);

    /// <summary>[TrackedRun(Experiment = "artifacts")]; awaits <paramref name="gate"/>, then runs <see cref="ArtifactBodies.Checkpoint"/>.</summary>
    Task<int> CheckpointAsync(string directory, Task gate);

    /// <summary>[TrackedRun(Experiment = "artifacts")]; runs <see cref="ArtifactBodies.Careless"/>.</summary>
    string Careless(string missingFile);
}

/// <summary>What the tracked bodies log, from inside the call, as a user's code would.</summary>
public static class ArtifactBodies
{
    /// <summary>The dataset every <see cref="Train"/> logs as its training input.</summary>
    public static Dataset Points { get; } = new("points", "a1b2c3d4", "local", "{\"uri\": \"points.csv\"}");

    /// <summary>A file, a text, a dictionary and a dataset input.</summary>
    public static string Train(string modelFile)
    {
        var run = ActiveRun.Current!;
        run.LogInput(Points, "training", [new KeyValuePair<string, string>("split", "train")]);
        run.LogArtifact(modelFile, "model");
        run.LogText("accuracy 0.9\n", "notes/report.txt");
        run.LogDict(new Dictionary<string, object?> { ["lr"] = 0.01, ["layers"] = new List<object?> { 4, 2 } }, "config.json");
        run.LogMetric("accuracy", 0.9);
        return run.RunName;
    }

    /// <summary>A directory and a text, logged after an await (on whatever thread the continuation runs).</summary>
    public static int Checkpoint(string directory)
    {
        var run = ActiveRun.Current!;
        run.LogArtifacts(directory, "checkpoints");
        run.LogText("done", "checkpoints/DONE");
        return Directory.GetFiles(directory).Length;
    }

    /// <summary>A missing file, a climbing artifact path and one good text: only the text can land.</summary>
    public static string Careless(string missingFile)
    {
        var run = ActiveRun.Current!;
        run.LogArtifact(missingFile);
        run.LogText("escaped", "../escape.txt");
        run.LogText("kept", "kept.txt");
        return "done";
    }
}
