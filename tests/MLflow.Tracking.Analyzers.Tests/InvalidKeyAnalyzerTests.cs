using System.Threading.Tasks;

namespace MLflow.Tracking.Analyzers.Tests;

public class InvalidKeyAnalyzerTests
{
    private static Task VerifyAsync(string source) => BuildVerifier.VerifyAsync(source);

    [Theory]
    [InlineData("learning_rate")]
    [InlineData("model/layer-1.dropout")]
    [InlineData("eval: f1 score")]
    [InlineData("a.b.c")]
    [InlineData("précision")] // MLflow's rule is Python's Unicode \w: MLflow 3.5.1 and the runtime accept it.
    [InlineData("naïve")]
    [InlineData("損失")]
    public Task Valid_keys_are_accepted(string key) => VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun]
            [return: LogMetric("{{key}}")]
            public partial double Train([LogParam("{{key}}")] int epochs);
            private double TrainCore(int epochs) => epochs;
        }
        """);

    [Theory]
    [InlineData("")]
    [InlineData("bad key!")]
    [InlineData("a·b")]
    [InlineData("/leading")]
    [InlineData("a/../b")]
    [InlineData("./a")]
    [InlineData("a//b")]
    [InlineData("trailing/")]
    [InlineData("a/.")]
    public Task Invalid_param_keys_are_reported(string key) => VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam({|MLFLOW005:"{{key}}"|})] int epochs);
            private void TrainCore(int epochs) { }
        }
        """);

    [Fact]
    public Task Key_over_250_characters_is_reported() => VerifyAsync($$"""
        public sealed class Result
        {
            [LogMetric({|MLFLOW005:"{{new string('k', 251)}}"|})] public double Accuracy { get; set; }
            [LogMetric("{{new string('k', 250)}}")] public double Loss { get; set; }
        }
        """);

    [Fact]
    public Task Run_tag_key_is_checked() => VerifyAsync("""
        [RunTag({|MLFLOW005:"team?"|}, "vision")]
        public partial class Trainer
        {
        }
        """);

    [Fact]
    public Task Literal_keys_of_direct_calls_are_checked() => VerifyAsync("""
        public class Job
        {
            public async Task RunAsync(ActiveRun run, RunsClient runs, string dynamicKey)
            {
                run.LogMetric({|MLFLOW005:"loss%"|}, 1.0);
                run.LogParam({|MLFLOW005:"a/../b"|}, 1);
                run.SetTag(dynamicKey, "fine");
                await runs.SetTagAsync("r", {|MLFLOW005:"/abs"|}, "v");
                _ = new Param({|MLFLOW005:"x*y"|}, "v");
                run.LogMetric("val/loss", 1.0);
            }
        }
        """);
}
