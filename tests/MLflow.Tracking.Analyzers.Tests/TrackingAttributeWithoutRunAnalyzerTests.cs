using System.Threading.Tasks;

namespace MLflow.Tracking.Analyzers.Tests;

public class TrackingAttributeWithoutRunAnalyzerTests
{
    private static Task VerifyAsync(string source) => BuildVerifier.VerifyAsync(source);

    [Fact]
    public Task Log_param_on_parameter_of_untracked_method_is_reported() => VerifyAsync("""
        public class Trainer
        {
            public void Train([{|MLFLOW003:LogParam|}] int epochs) { }
        }
        """);

    [Fact]
    public Task Return_log_metric_on_untracked_method_is_reported() => VerifyAsync("""
        public class Trainer
        {
            [return: {|MLFLOW003:LogMetric("accuracy")|}]
            public double Evaluate() => 1;
        }
        """);

    [Fact]
    public Task Attributes_on_tracked_method_are_accepted() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            [return: LogMetric("accuracy")]
            public partial double Train([LogParam] int epochs);
            private double TrainCore(int epochs) => epochs;
        }
        """);

    [Fact]
    public Task Log_metric_on_property_of_any_type_is_accepted() => VerifyAsync("""
        public sealed record Result([property: LogMetric] double Accuracy);
        public sealed class Options { [LogParam("lr")] public double LearningRate { get; set; } }
        """);
}
