using System.Threading.Tasks;

namespace MLflow.Tracking.Analyzers.Tests;

public class MetricNotNumericAnalyzerTests
{
    private static Task VerifyAsync(string source) => BuildVerifier.VerifyAsync(source);

    [Theory]
    [InlineData("int")]
    [InlineData("long")]
    [InlineData("short")]
    [InlineData("byte")]
    [InlineData("float")]
    [InlineData("double")]
    [InlineData("decimal")]
    [InlineData("double?")]
    [InlineData("Task<int>")]
    [InlineData("ValueTask<float?>")]
    public Task Numeric_return_metric_is_accepted(string type) => VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun]
            [return: LogMetric("score")]
            public partial {{type}} Evaluate();
            private {{type}} EvaluateCore() => default!;
        }
        """);

    [Theory]
    [InlineData("string")]
    [InlineData("bool")]
    [InlineData("Task")]
    [InlineData("Task<string>")]
    [InlineData("object")]
    [InlineData("TimeSpan")]
    public Task Non_numeric_return_metric_is_reported(string type) => VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun]
            [return: {|MLFLOW004:LogMetric("score")|}]
            public partial {{type}} Evaluate();
            private {{type}} EvaluateCore() => default!;
        }
        """);

    [Fact]
    public Task Non_numeric_metric_property_is_reported() => VerifyAsync("""
        public sealed class Result
        {
            [LogMetric] public double Accuracy { get; set; }
            [{|MLFLOW004:LogMetric|}] public string Label { get; set; } = "";
            [{|MLFLOW004:LogMetric("when")|}] public DateTime When;
        }
        """);

    [Fact]
    public Task Record_positional_metric_property_is_checked() => VerifyAsync("""
        public sealed record Result([property: LogMetric] double Accuracy, [property: {|MLFLOW004:LogMetric|}] string Label);
        """);
}
