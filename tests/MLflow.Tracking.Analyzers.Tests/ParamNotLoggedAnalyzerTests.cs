using System.Threading.Tasks;

namespace MLflow.Tracking.Analyzers.Tests;

public class ParamNotLoggedAnalyzerTests
{
    [Theory]
    [InlineData("int[]")]
    [InlineData("System.Collections.Generic.List<string>")]
    [InlineData("System.Threading.Tasks.Task<int>")]
    [InlineData("System.Lazy<int>")]
    [InlineData("System.Func<int>")]
    [InlineData("System.Type")]
    [InlineData("System.Globalization.CultureInfo")]
    [InlineData("System.Threading.CancellationToken")]
    [InlineData("System.IO.Stream")]
    public Task Skipped_types_marked_for_logging_are_reported(string type) => BuildVerifier.VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] {{type}} {|MLFLOW010:value|});

            private void TrainCore({{type}} value) { }
        }
        """);

    [Theory]
    [InlineData("int")]
    [InlineData("string")]
    [InlineData("System.Numerics.BigInteger")]
    [InlineData("System.DateOnly")]
    [InlineData("object")]
    public Task Logged_types_are_not_reported(string type) => BuildVerifier.VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] {{type}} value);

            private void TrainCore({{type}} value) { }
        }
        """);

    [Fact]
    public Task Unmarked_and_untracked_parameters_are_not_reported() => BuildVerifier.VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train(int[] layers, System.Threading.CancellationToken token);

            private void TrainCore(int[] layers, System.Threading.CancellationToken token) { }

            public void Plain([{|MLFLOW003:LogParam|}] int[] layers) { }
        }
        """);
}
