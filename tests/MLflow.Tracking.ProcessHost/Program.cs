// The child process of the cross-process delivery tests. It tracks runs the way generated wrappers do (start, log,
// complete, dispose) through the ambient MlflowTracking, then ends the way the test asks:
//   track <uri> <spool> <flushMs> <runs>          runs, then `await MlflowTracking.FlushAsync()` and a normal exit
//   crash <uri> <spool> <flushMs> <runs>          runs, one left open, then an unhandled exception
//   burst <uri> <spool> <flushMs>                 runs forever (printing "started N"), until killed
//   artifacts <uri> <spool> <flushMs> <folder>    one run that logs <folder>/model.bin and <folder>/gone.bin, a text,
//                                                 a dictionary and a dataset input, then flushes and exits
//   replay <uri> <spool> <flushMs>                MlflowTracking.ReplaySpoolAsync(), prints the result, then the flush's
using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using System.IO;
using System.Text.Json.Nodes;
using MLflow.Tracking;
using MLflow.Tracking.Datasets;

var verb = args[0];
MlflowTracking.Configure(new MlflowOptions
{
    TrackingUri = args[1],
    SpoolDirectory = args[2],
    FlushTimeout = TimeSpan.FromMilliseconds(int.Parse(args[3], CultureInfo.InvariantCulture)),
    MaxRetries = 0,
    RequestTimeout = TimeSpan.FromSeconds(2),
    BatchInterval = TimeSpan.FromMilliseconds(20),
    MaxQueueLength = 200,
});
var tracker = MlflowTracking.Tracker;

switch (verb)
{
    case "track":
        for (var i = 0; i < int.Parse(args[4], CultureInfo.InvariantCulture); i++)
        {
            Track(i);
        }

        Console.WriteLine("flush " + await MlflowTracking.FlushAsync());
        return 0;

    case "crash":
        for (var i = 0; i < int.Parse(args[4], CultureInfo.InvariantCulture); i++)
        {
            Track(i);
        }

        var open = tracker.StartRun(new TrackedRunDefinition("cross-process", "open", "ProcessHost.Open"));
        open.LogMetric("value", 42);
        Console.WriteLine("crashing");
        throw new InvalidOperationException("the child crashed on purpose");

    case "burst":
        for (var i = 0; ; i++)
        {
            Track(i);
            if (i % 10 == 0)
            {
                Console.WriteLine("started " + i.ToString(CultureInfo.InvariantCulture));
                Thread.Sleep(1);
            }
        }

    case "artifacts":
        TrackArtifacts(args[4]);
        Console.WriteLine("flush " + await MlflowTracking.FlushAsync());
        return 0;

    case "replay":
        Console.WriteLine("replay " + await MlflowTracking.ReplaySpoolAsync());
        Console.WriteLine("flush " + await MlflowTracking.FlushAsync());
        return 0;

    default:
        Console.Error.WriteLine("unknown verb " + verb);
        return 2;
}

void Track(int index)
{
    var run = tracker.StartRun(new TrackedRunDefinition("cross-process", "run-" + index.ToString(CultureInfo.InvariantCulture), "ProcessHost.Track"));
    try
    {
        run.LogParam("index", index);
        run.LogMetric("value", index);
        run.LogMetric("value", index + 0.5, step: 1);
        run.Complete();
    }
    finally
    {
        run.Dispose();
    }
}

void TrackArtifacts(string folder)
{
    var run = tracker.StartRun(new TrackedRunDefinition("cross-process", "with-artifacts", "ProcessHost.Artifacts"));
    try
    {
        run.LogParam("epochs", 3);
        run.LogArtifact(Path.Combine(folder, "model.bin"), "model");
        run.LogArtifact(Path.Combine(folder, "gone.bin"));
        run.LogText("accuracy 0.9\n", "notes/report.txt");
        run.LogDict(new JsonObject { ["lr"] = 0.01, ["layers"] = new JsonArray(4, 2) }, "config.json");
        run.LogInput(new Dataset("points", "a1b2c3d4", "local", "{\"uri\": \"points.csv\"}"), "training");
        run.LogMetric("accuracy", 0.9);
        run.Complete();
    }
    finally
    {
        run.Dispose();
    }
}
