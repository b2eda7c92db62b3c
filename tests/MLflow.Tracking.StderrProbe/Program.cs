using System;
using System.Globalization;
using System.Threading.Tasks;
using MLflow.Tracking;
using MLflow.Tracking.StderrProbe;

// Tracks one run the way a user's program does, with no logger anywhere. MLflow's environment variables (set by the
// test) say where to. "--flush-timeout <seconds>" shortens the exit wait through MlflowTracking.Configure, which still
// passes no logger factory; "--wait-for-failure" waits (at most 30 s) until the tracker has failed to reach the store
// once, so a loaded machine cannot end the process before the first attempt. Standard output says what the tracked
// call returned; standard error is MLflow.Tracking's.
var flushTimeout = Option("--flush-timeout");
if (flushTimeout is not null)
{
    var seconds = double.Parse(flushTimeout, CultureInfo.InvariantCulture);
    MlflowTracking.Configure(options => options.FlushTimeout = TimeSpan.FromSeconds(seconds));
}

var result = Trainer.Train(learningRate: 0.5);
Console.WriteLine("tracked call returned " + result.ToString(CultureInfo.InvariantCulture));
if (Array.IndexOf(args, "--wait-for-failure") >= 0)
{
    var tracker = (BackgroundRunTracker)MlflowTracking.Tracker;
    var deadline = DateTime.UtcNow.AddSeconds(30);
    while (tracker.Statistics.DeliveryFailures == 0 && DateTime.UtcNow < deadline)
    {
        await Task.Delay(20);
    }

    Console.WriteLine("delivery failures: " + tracker.Statistics.DeliveryFailures.ToString(CultureInfo.InvariantCulture));
}

await MlflowTracking.FlushAsync();
Console.WriteLine("done");
return 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

namespace MLflow.Tracking.StderrProbe
{
    internal static partial class Trainer
    {
        [TrackedRun(Experiment = "stderr-probe")]
        public static partial double Train([LogParam] double learningRate);

        private static double TrainCore(double learningRate) => learningRate * 2;
    }
}
