using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Docs.Tests;

/// <summary>
/// The help link of every diagnostic the package reports leads to its page in docs/diagnostics. The analyzers report
/// what their public <see cref="DiagnosticAnalyzer.SupportedDiagnostics"/> say; the generator reports the rules its
/// release file names (it has no public descriptor list); both take their descriptors from one linked table.
/// </summary>
public sealed class HelpLinkTests
{
    // Where the repository is hosted; each help link is this plus the page's path in the clone.
    private const string HostedRepositoryPrefix = "https://github.com/mlflow-dotnet/mlflow-tracking/blob/main/";

    private const string AnalyzerReleases = "src/Analyzers/MLflow.Tracking.Analyzers/AnalyzerReleases";
    private const string GeneratorReleases = "src/Generators/MLflow.Tracking.Generators/AnalyzerReleases";

    private static readonly DiagnosticDescriptor[] AnalyzerDescriptors = Assembly.Load("MLflow.Tracking.Analyzers").GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null)
        .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
        .ToArray();

    /// <summary>The shared descriptor table, as the generator assembly compiled it (internal: read by reflection).</summary>
    private static readonly DiagnosticDescriptor[] GeneratorTable = Assembly.Load("MLflow.Tracking.Generators")
        .GetType("MLflow.Tracking.Diagnostics.Descriptors", throwOnError: true)!
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .ToArray();

    private static readonly DiagnosticDescriptor[] Descriptors = AnalyzerDescriptors
        .Concat(GeneratorTable.Where(descriptor => ReportedBy(GeneratorReleases, "TrackedRunGenerator").Contains(descriptor.Id)))
        .DistinctBy(descriptor => descriptor.Id)
        .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void The_analyzers_and_the_generator_report_the_diagnostics_the_release_files_track()
    {
        Assert.NotEmpty(Descriptors);
        Assert.Equal(Tracked(AnalyzerReleases), Descriptors.Select(descriptor => descriptor.Id));
        Assert.Equal(Tracked(GeneratorReleases), Descriptors.Select(descriptor => descriptor.Id));
        Assert.Equal(
            ReportedBy(AnalyzerReleases, "Analyzer").Order(StringComparer.Ordinal),
            AnalyzerDescriptors.Select(descriptor => descriptor.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    /// <summary>The IDs a release file lists (both projects compile the whole shared table, so both list every ID).</summary>
    private static string[] Tracked(string releases) => ReleaseRows(releases)
        .Select(row => row[0])
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The IDs whose Notes column names a reporter ending in <paramref name="reporterSuffix"/>.</summary>
    private static string[] ReportedBy(string releases, string reporterSuffix) => ReleaseRows(releases)
        .Where(row => row[3].Split(',')[0].Trim().EndsWith(reporterSuffix, StringComparison.Ordinal))
        .Select(row => row[0])
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    private static string[][] ReleaseRows(string releases) =>
        File.ReadAllLines(Path.Combine(Repository.Root, releases + ".Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(Repository.Root, releases + ".Shipped.md")))
            .Where(line => line.StartsWith("MLFLOW", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .ToArray();

    [Fact]
    public void Every_help_link_is_the_hosted_address_of_the_diagnostics_page_in_this_clone()
    {
        foreach (var descriptor in Descriptors)
        {
            Assert.StartsWith(HostedRepositoryPrefix, descriptor.HelpLinkUri, StringComparison.Ordinal);
            var path = descriptor.HelpLinkUri.Substring(HostedRepositoryPrefix.Length);
            Assert.Equal($"docs/diagnostics/{descriptor.Id}.md", path);
            Assert.True(File.Exists(Path.Combine(Repository.Root, path)), $"{descriptor.Id}: its help page {path} does not exist.");
        }
    }

    [Fact]
    public void Every_diagnostics_page_belongs_to_a_diagnostic_and_the_index_lists_each()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs/diagnostics"), "MLFLOW*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);
        Assert.Equal(Descriptors.Select(descriptor => descriptor.Id), pages);

        var index = File.ReadAllText(Path.Combine(Repository.Root, "docs/diagnostics/README.md"));
        Assert.All(Descriptors, descriptor => Assert.Contains($"[{descriptor.Id}]({descriptor.Id}.md)", index, StringComparison.Ordinal));
    }
}
