using System.Linq;

namespace MLflow.Tracking.Package.Tests;

/// <summary>Consumes the real .nupkg the way a user does: package reference, build, run.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageTests
{
    private const string SecretLoggingProgram = """
        using MLflow.Tracking;

        var password = args.Length > 0 ? args[0] : "hunter2";
        ActiveRun.Current?.LogParam("db_password", password);
        Console.WriteLine("done");
        """;

    private readonly PackageFixture _package;

    public PackageTests(PackageFixture package)
    {
        _package = package;
        Assert.True(package.Pack.ExitCode == 0, "dotnet pack failed:\n" + package.Pack.Output);
    }

    [Theory]
    [InlineData("analyzers/dotnet/cs/MLflow.Tracking.Generators.dll")]
    [InlineData("analyzers/dotnet/cs/MLflow.Tracking.Analyzers.dll")]
    [InlineData("analyzers/dotnet/cs/MLflow.Tracking.CodeFixes.dll")]
    [InlineData("lib/net8.0/MLflow.Tracking.dll")]
    [InlineData("lib/net10.0/MLflow.Tracking.dll")]
    [InlineData("README.md")]
    public void Package_contains_exactly_one_copy_of(string entry) =>
        Assert.Single(_package.PackageEntries(), e => e == entry);

    [Fact]
    public void Package_carries_no_roslyn_component_outside_analyzers() =>
        Assert.DoesNotContain(_package.PackageEntries(), e => e.Contains("MLflow.Tracking.Analyzers", System.StringComparison.Ordinal) && !e.StartsWith("analyzers/dotnet/cs/", System.StringComparison.Ordinal));

    [Fact]
    public void Logged_password_is_a_build_warning_and_warnaserror_fails_the_build()
    {
        var consumer = _package.CreateConsumer("SecretConsumer", SecretLoggingProgram);

        var build = _package.Dotnet(consumer, "build", "-c", "Release");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("warning MLFLOW001", build.Output, System.StringComparison.Ordinal);

        var strict = _package.Dotnet(consumer, "build", "-c", "Release", "--no-restore", "--no-incremental", "-warnaserror");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("error MLFLOW001", strict.Output, System.StringComparison.Ordinal);
    }
}
