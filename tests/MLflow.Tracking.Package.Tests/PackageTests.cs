using System.Linq;

namespace MLflow.Tracking.Package.Tests;

/// <summary>Consumes the real .nupkg the way a user does: package reference, build, run.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageTests
{
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
}
