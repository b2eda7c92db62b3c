using System;
using System.Globalization;
using System.Linq;
using MLflow.Tracking.Package.Tests.Consumers;
using Xunit.Abstractions;

namespace MLflow.Tracking.Package.Tests;

/// <summary>
/// A corpus of user shapes (Corpus/*/*.cs) built with <c>dotnet build</c> against the packed .nupkg, generator,
/// analyzers and runtime together: every line gets exactly the diagnostics it declares, with the id and the line the
/// user sees on the command line.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class CorpusBuildTests
{
    private readonly PackageFixture _package;
    private readonly ITestOutputHelper _output;

    public CorpusBuildTests(PackageFixture package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
        Assert.True(package.Pack.ExitCode == 0, "dotnet pack failed:\n" + package.Pack.Output);
        Assert.True(package.Corpus.Restore.ExitCode == 0, "restore of the corpus consumer failed:\n" + package.Corpus.Restore.Output);
    }

    [Fact]
    public void Corpus_has_at_least_30_shapes_and_every_rule_is_expected_somewhere()
    {
        var files = CorpusConsumer.Groups.SelectMany(g => _package.Corpus.Files(g)).ToList();
        Assert.True(files.Count >= 30, $"only {files.Count} shapes");
        var expected = files.SelectMany(f => f.Expectations).Select(e => e.Id).ToHashSet();
        foreach (var id in Enumerable.Range(1, 11).Select(i => "MLFLOW" + i.ToString("000", CultureInfo.InvariantCulture)))
        {
            Assert.Contains(id, expected);
        }
    }

    [Fact]
    public void Clean_shapes_build_warning_free_under_TreatWarningsAsErrors_WarningLevel_9999_and_Nullable()
    {
        var build = Build("Clean", "-p:TreatWarningsAsErrors=true");
        Assert.True(build.Matches && build.Build.ExitCode == 0, build.Report() + Tail(build));
        Assert.Empty(build.Reported);
    }

    [Theory]
    [InlineData("Legal")]
    [InlineData("HintNames")]
    public void Legal_shapes_the_generator_once_broke_build_warning_free_under_TreatWarningsAsErrors(string group)
    {
        var build = Build(group, "-p:TreatWarningsAsErrors=true");
        Assert.True(build.Matches && build.Build.ExitCode == 0, build.Report() + Tail(build));
        Assert.Empty(build.Reported);
    }

    [Fact]
    public void Secret_and_stray_attribute_shapes_report_exactly_the_expected_warnings()
    {
        var build = Build("Warnings");
        Assert.True(build.Matches, build.Report());
        Assert.All(build.Reported, d => Assert.Equal("warning", d.Severity));
        Assert.Equal(0, build.Build.ExitCode);
    }

    [Fact]
    public void Warnaserror_fails_the_build_on_each_logged_secret_including_a_LogParam_password()
    {
        var build = Build("Warnings", "-warnaserror");
        Assert.True(build.Matches, build.Report());
        Assert.NotEqual(0, build.Build.ExitCode);
        Assert.All(build.Reported, d => Assert.Equal("error", d.Severity));

        var password = _package.Corpus.Files("Warnings").Single(f => f.Name == "SecretParams.cs");
        var passwordLine = System.IO.File.ReadAllLines(password.Path).ToList().FindIndex(l => l.Contains("[LogParam] string password", StringComparison.Ordinal)) + 1;
        Assert.Contains(build.Reported, d => d.Id == "MLFLOW001" && d.Line == passwordLine && d.File.EndsWith("SecretParams.cs", StringComparison.Ordinal) && d.Message.Contains("'password'", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyzer_error_shapes_report_exactly_the_expected_errors()
    {
        var build = Build("Errors");
        Assert.True(build.Matches, build.Report());
        Assert.NotEqual(0, build.Build.ExitCode);
    }

    [Fact]
    public void Shapes_the_generator_cannot_implement_get_an_MLFLOW_diagnostic_saying_what_to_change()
    {
        var build = Build("Generator");
        Assert.True(build.Matches, build.Report());
        Assert.NotEqual(0, build.Build.ExitCode);
    }

    private CorpusComparison Build(string group, params string[] arguments)
    {
        var build = _package.Corpus.Build(group, arguments);
        _output.WriteLine(build.Report());
        return build;
    }

    private static string Tail(CorpusComparison build) =>
        build.Build.ExitCode == 0 ? string.Empty : "\nBuild output (end):\n" + string.Join('\n', build.Build.Output.Split('\n').TakeLast(30));
}
