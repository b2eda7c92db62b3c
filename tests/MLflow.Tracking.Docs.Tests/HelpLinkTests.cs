using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Docs.Tests;

/// <summary>
/// The help link of every diagnostic the package reports leads to its page in docs/diagnostics. Read through the
/// analyzers' public <see cref="DiagnosticAnalyzer.SupportedDiagnostics"/>, so it holds wherever the descriptors live.
/// </summary>
public sealed class HelpLinkTests
{
    // Where the repository is hosted; each help link is this plus the page's path in the clone.
    private const string HostedRepositoryPrefix = "https://github.com/mlflow-dotnet/mlflow-tracking/blob/main/";

    private static readonly DiagnosticDescriptor[] Descriptors = Assembly.Load("MLflow.Tracking.Analyzers").GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null)
        .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
        .DistinctBy(descriptor => descriptor.Id)
        .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void The_analyzers_report_the_diagnostics_the_release_file_tracks()
    {
        var tracked = File.ReadAllLines(Path.Combine(Repository.Root, "src/Analyzers/MLflow.Tracking.Analyzers/AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(Repository.Root, "src/Analyzers/MLflow.Tracking.Analyzers/AnalyzerReleases.Shipped.md")))
            .Where(line => line.StartsWith("MLFLOW", StringComparison.Ordinal))
            .Select(line => line.Split('|')[0].Trim())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        Assert.NotEmpty(Descriptors);
        Assert.Equal(tracked, Descriptors.Select(descriptor => descriptor.Id));
    }

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
