using System.Threading.Tasks;

namespace MLflow.Tracking.Analyzers.Tests;

public class DuplicateKeyAnalyzerTests
{
    private static Task VerifyAsync(string source) => BuildVerifier.VerifyAsync(source);

    [Fact]
    public Task Two_parameters_with_the_same_key_are_reported() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam("lr")] double learningRate, [LogParam("lr")] double {|MLFLOW006:rate|});
            private void TrainCore(double learningRate, double rate) { }
        }
        """);

    [Fact]
    public Task Distinct_keys_are_accepted() => VerifyAsync("""
        public sealed record Options(int BatchSize, double Dropout);

        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam("lr")] double learningRate, [LogParam] int epochs, [LogParam] Options options);
            private void TrainCore(double learningRate, int epochs, Options options) { }
        }
        """);

    [Fact]
    public Task Parameter_named_like_a_flattened_member_is_reported() => VerifyAsync("""
        public sealed record Options(int BatchSize);

        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] Options options, [LogParam("options.BatchSize")] int {|MLFLOW006:batch|});
            private void TrainCore(Options options, int batch) { }
        }
        """);

    [Fact]
    public Task Two_metrics_of_the_result_with_the_same_key_are_reported() => VerifyAsync("""
        public sealed record Result([property: LogMetric("score")] double Accuracy, [property: LogMetric("score")] double F1);

        public partial class Trainer
        {
            [TrackedRun]
            public partial Task<Result> {|MLFLOW006:TrainAsync|}();
            private Task<Result> TrainAsyncCore() => Task.FromResult(new Result(1, 2));
        }
        """);

    [Fact]
    public Task Collection_member_is_not_logged_so_its_key_cannot_collide() => VerifyAsync("""
        public sealed class Options
        {
            public int BatchSize { get; set; }
            public List<int> Layers { get; set; } = new();
        }

        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] Options options, [LogParam("options.Layers")] string layers);

            private void TrainCore(Options options, string layers) { }
        }
        """);

    [Fact]
    public Task Collections_are_not_logged_so_their_keys_cannot_collide() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam("layers")] int[] layerSizes, [LogParam("layers")] int layers);
        }
        """);

    [Fact]
    public Task Obsolete_metric_members_are_not_logged_so_their_keys_cannot_collide() => VerifyAsync("""
        public sealed class Result
        {
            [LogMetric("acc")] public double Accuracy { get; init; }
            [System.Obsolete, LogMetric("acc")] public double OldAccuracy { get; init; }
        }

        public partial class Trainer
        {
            [TrackedRun]
            public partial Result Train();
        }
        """);
}
