using System;
using System.Globalization;
using System.Threading.Tasks;
using MLflow.Tracking;
using MLflow.Tracking.StderrProbe;

// Tracks one run the way a user's program does, with no logger anywhere. MLflow's environment variables (set by the
// test) say where to; "--flush-timeout <seconds>" shortens the exit wait through MlflowTracking.Configure, which
// still passes no logger factory. Standard output says what the tracked call returned; standard error is ours.
if (args.Length == 2 && args[0] == "--flush-timeout")
{
    var seconds = double.Parse(args[1], CultureInfo.InvariantCulture);
    MlflowTracking.Configure(options => options.FlushTimeout = TimeSpan.FromSeconds(seconds));
}

var result = Trainer.Train(learningRate: 0.5);
Console.WriteLine("tracked call returned " + result.ToString(CultureInfo.InvariantCulture));
await MlflowTracking.FlushAsync();
Console.WriteLine("done");
return 0;

namespace MLflow.Tracking.StderrProbe
{
    internal static partial class Trainer
    {
        [TrackedRun(Experiment = "stderr-probe")]
        public static partial double Train([LogParam] double learningRate);

        private static double TrainCore(double learningRate) => learningRate * 2;
    }
}
