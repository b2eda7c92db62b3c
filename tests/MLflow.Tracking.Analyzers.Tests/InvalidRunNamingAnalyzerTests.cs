using System.Threading.Tasks;

namespace MLflow.Tracking.Analyzers.Tests;

public class InvalidRunNamingAnalyzerTests
{
    private static Task VerifyAsync(string source) => BuildVerifier.VerifyAsync(source);

    [Fact]
    public Task Valid_names_are_accepted() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun(Experiment = "training", RunName = "train")]
            public partial void Train();
            private void TrainCore() { }

            [TrackedRun]
            public partial void Evaluate();
            private void EvaluateCore() { }
        }
        """);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public Task Empty_experiment_name_is_reported(string name) => VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun(Experiment = {|MLFLOW008:"{{name}}"|})]
            public partial void Train();
            private void TrainCore() { }
        }
        """);

    [Fact]
    public Task Experiment_name_over_500_characters_is_reported() => VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun(Experiment = {|MLFLOW008:"{{new string('e', 501)}}"|})]
            public partial void Train();
            private void TrainCore() { }

            [TrackedRun(Experiment = "{{new string('e', 500)}}")]
            public partial void Evaluate();
            private void EvaluateCore() { }
        }
        """);

    [Fact]
    public Task Run_name_over_250_characters_is_reported() => VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun(RunName = {|MLFLOW008:"{{new string('r', 251)}}"|})]
            public partial void Train();
            private void TrainCore() { }
        }
        """);
}
