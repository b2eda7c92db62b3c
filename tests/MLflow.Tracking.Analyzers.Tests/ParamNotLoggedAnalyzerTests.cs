using System.Threading.Tasks;

namespace MLflow.Tracking.Analyzers.Tests;

public class ParamNotLoggedAnalyzerTests
{
    private static Task VerifyAsync(string source) => AnalyzerVerifier<ParamNotLoggedAnalyzer>.VerifyAsync(source);

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
    public Task Skipped_types_marked_for_logging_are_reported(string type) => VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] {{type}} {|MLFLOW010:value|});
        }
        """);

    [Theory]
    [InlineData("int")]
    [InlineData("string")]
    [InlineData("System.Numerics.BigInteger")]
    [InlineData("System.DateOnly")]
    [InlineData("object")]
    public Task Logged_types_are_not_reported(string type) => VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] {{type}} value);
        }
        """);

    [Fact]
    public Task Unmarked_and_untracked_parameters_are_not_reported() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train(int[] layers, System.Threading.CancellationToken token);

            public void Plain([LogParam] int[] layers) { }
        }
        """);
}
