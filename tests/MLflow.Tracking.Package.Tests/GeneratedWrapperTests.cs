using System.Linq;

namespace MLflow.Tracking.Package.Tests;

/// <summary>
/// The generator inside the package writes a wrapper that runs. Compiled only once the generator project has sources
/// (see the .csproj): before that, the package carries an empty generator and no wrapper can exist.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class GeneratedWrapperTests
{
    private readonly PackageFixture _package;

    public GeneratedWrapperTests(PackageFixture package)
    {
        _package = package;
        Assert.True(package.Pack.ExitCode == 0, "dotnet pack failed:\n" + package.Pack.Output);
    }

    [Fact]
    public void Generated_wrapper_runs_the_core_method()
    {
        var consumer = _package.CreateConsumer("WrapperConsumer", """
            using MLflow.Tracking;

            // Zero-config tracking (sqlite:///mlflow.db in the consumer's temp folder); a tracked call never fails for tracking.
            var result = new Calculator().Add(20, 22);
            Console.WriteLine("result=" + result);

            public partial class Calculator
            {
                [TrackedRun(Experiment = "package-test")]
                [return: LogMetric("sum")]
                public partial int Add([LogParam] int a, [LogParam] int b);

                private int AddCore(int a, int b) => a + b;
            }
            """);

        var run = _package.Dotnet(consumer, "run", "-c", "Release");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("result=42", run.Output.Split('\n').Select(l => l.Trim()));
    }
}
