using System;
using System.Threading.Tasks;
using MLflow.Tracking.CodeFixes;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>
/// MLFLOW002 comes from the generator (it must show even when the build has compile errors), so these tests run the
/// real generator and fix the diagnostic it reports; after the fix the generator implements the method and reports
/// nothing.
/// </summary>
public class ConvertToPartialCodeFixTests
{
    private static async Task VerifyAsync(string source, string fixedSource)
    {
        var usings = SourceUsings.Default;
        var plain = source.Replace("{|MLFLOW002:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal);
        await GeneratorCodeFixVerifier<ConvertToPartialCodeFixProvider>.VerifyAsync(usings + plain, usings + fixedSource, fixAll: false);
        await GeneratorCodeFixVerifier<ConvertToPartialCodeFixProvider>.VerifyAsync(usings + plain, usings + fixedSource, fixAll: true);
    }

    [Fact]
    public Task Method_with_body_becomes_partial_declaration_and_core() => VerifyAsync("""
        public class Trainer
        {
            [TrackedRun(Experiment = "training")]
            [return: LogMetric("accuracy")]
            public async Task<double> {|MLFLOW002:TrainAsync|}([LogParam] int epochs, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                return epochs / 10.0;
            }
        }
        """, """
        public partial class Trainer
        {
            [TrackedRun(Experiment = "training")]
            [return: LogMetric("accuracy")]
            public partial Task<double> TrainAsync([LogParam] int epochs, CancellationToken cancellationToken);

            private async Task<double> TrainAsyncCore(int epochs, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                return epochs / 10.0;
            }
        }
        """);

    [Fact]
    public Task Expression_bodied_static_method_in_nested_types_is_converted() => VerifyAsync("""
        public static class Outer
        {
            internal sealed class Trainer
            {
                [TrackedRun]
                static int {|MLFLOW002:Train|}([LogParam("n")] int epochs, [Obsolete] int seed) => epochs + seed;
            }
        }
        """, """
        public static partial class Outer
        {
            internal sealed partial class Trainer
            {
                [TrackedRun]
                private static partial int Train([LogParam("n")] int epochs, [Obsolete] int seed);

                private static int TrainCore(int epochs, [Obsolete] int seed) => epochs + seed;
            }
        }
        """);

    [Fact]
    public Task Fix_all_converts_every_method_of_a_type() => VerifyAsync("""
        public class Trainer
        {
            [TrackedRun]
            public int {|MLFLOW002:Train|}() => 1;

            [TrackedRun]
            public int {|MLFLOW002:Evaluate|}() => 2;
        }
        """, """
        public partial class Trainer
        {
            [TrackedRun]
            public partial int Train();

            private int TrainCore() => 1;

            [TrackedRun]
            public partial int Evaluate();

            private int EvaluateCore() => 2;
        }
        """);
}
