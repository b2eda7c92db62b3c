using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>
/// The generator once put [GeneratedCode] on the implementing half of a tracked partial method. Both halves merge into
/// one symbol, so Roslyn took the user's own method for generated code and every analyzer skipped it: a logged
/// password built clean. These tests run the real generator first, as a build does.
/// </summary>
public class GeneratedCodeRegressionTests
{
    private const string TrackedPassword = """
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] string {|MLFLOW001:password|});

            private void TrainCore(string password) { }
        }
        """;

    [Fact]
    public async Task Secret_param_is_reported_once_the_generator_has_implemented_the_method()
    {
        var diagnostics = await BuildVerifier.VerifyAsync(TrackedPassword, messages: "'password' looks like a secret");
        Assert.Single(diagnostics);
    }

    [Fact]
    public async Task The_generator_really_implemented_the_method()
    {
        var (source, _) = DiagnosticMarkup.Parse(BuildVerifier.Usings + TrackedPassword);
        var build = await GeneratedBuild.RunAsync(source);
        Assert.True(build.GeneratedFileCount > 0, "The generator wrote nothing, so this test would prove nothing about generated code.");
    }

    [Fact]
    public async Task The_tracked_method_symbol_carries_no_generated_code_attribute()
    {
        var (source, _) = DiagnosticMarkup.Parse(BuildVerifier.Usings + TrackedPassword);
        var build = await GeneratedBuild.RunAsync(source);
        var train = build.Compilation.GetTypeByMetadataName("Trainer")!.GetMembers("Train").OfType<IMethodSymbol>().Single();
        Assert.NotNull(train.PartialImplementationPart);
        Assert.DoesNotContain(train.GetAttributes(), a => a.AttributeClass?.Name == "GeneratedCodeAttribute");
        Assert.DoesNotContain(train.PartialImplementationPart!.GetAttributes(), a => a.AttributeClass?.Name == "GeneratedCodeAttribute");
    }
}
