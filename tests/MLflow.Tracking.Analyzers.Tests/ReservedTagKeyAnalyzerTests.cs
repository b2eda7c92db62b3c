using System.Threading.Tasks;

namespace MLflow.Tracking.Analyzers.Tests;

public class ReservedTagKeyAnalyzerTests
{
    [Theory]
    [InlineData("mlflow.runName", "[TrackedRun(RunName")]
    [InlineData("mlflow.user", "the tracker sets it")]
    [InlineData("mlflow.source.name", "the tracker sets it")]
    [InlineData("mlflow.parentRunId", "child run")]
    [InlineData("mlflow.custom", "only 'mlflow.note.content'")]
    public Task Reserved_key_on_a_tracked_method_is_reported(string key, string advice) => BuildVerifier.VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun]
            [RunTag({|MLFLOW009:"{{key}}"|}, "x")]
            public partial void Train();

            private void TrainCore() { }
        }
        """, messages: ["Run tag key '" + key + "' is reserved by MLflow", advice]);

    [Fact]
    public Task Reserved_key_on_a_type_is_reported() => BuildVerifier.VerifyAsync("""
        [RunTag("team", "vision")]
        [RunTag({|MLFLOW009:"mlflow.source.type"|}, "NOTEBOOK")]
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train();

            private void TrainCore() { }
        }

        [RunTag({|MLFLOW009:"mlflow.runName"|}, "proxy")]
        public interface ITrainer
        {
            [TrackedRun]
            void Train();
        }
        """);

    [Theory]
    [InlineData("mlflow.note.content")]
    [InlineData("mlflowish")]
    [InlineData("MLflow.runName")]
    [InlineData("team.mlflow.runName")]
    public Task Keys_outside_the_reserved_prefix_are_accepted(string key) => BuildVerifier.VerifyAsync($$"""
        [RunTag("{{key}}", "x")]
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train();

            private void TrainCore() { }
        }
        """);

    [Fact]
    public Task Direct_set_tag_calls_are_not_judged() => BuildVerifier.VerifyAsync("""
        public class Job
        {
            // Renaming a run through its tag is MLflow's own API (runs/set-tag mlflow.runName answers 200).
            public void Rename(ActiveRun run) => run.SetTag("mlflow.runName", "renamed");
        }
        """);
}
