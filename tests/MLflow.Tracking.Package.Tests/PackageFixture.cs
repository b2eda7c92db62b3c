using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;

namespace MLflow.Tracking.Package.Tests;

/// <summary>
/// Packs MLflow.Tracking once per test run (collection fixture) into a temp feed, with a unique version so NuGet's global cache never
/// serves a stale copy, and writes a consumer project that references it.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);

    public PackageFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "mlflow-package-tests-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

        Pack = PackRuntimeProject("MLflow.Tracking");
        PackagePath = Path.Combine(Feed, $"MLflow.Tracking.{Version}.nupkg");
        _corpus = new Lazy<Consumers.CorpusConsumer>(() => new Consumers.CorpusConsumer(this));
        _snippets = new Lazy<DocSnippets.SnippetBuild>(() => new DocSnippets.SnippetBuild(this, DocSnippets.SnippetCatalog.Load()));
    }

    private readonly Lazy<Consumers.CorpusConsumer> _corpus;

    private readonly Lazy<DocSnippets.SnippetBuild> _snippets;

    /// <summary>The corpus consumer project, written and restored on first use.</summary>
    internal Consumers.CorpusConsumer Corpus => _corpus.Value;

    /// <summary>The docs' snippet projects, built (and run) together on first use.</summary>
    internal DocSnippets.SnippetBuild Snippets => _snippets.Value;

    /// <summary>Packs <c>src/Runtime/&lt;name&gt;</c>, already built, into the feed under this run's version.</summary>
    public DotnetCli.Result PackRuntimeProject(string name)
    {
        var configuration = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "PackConfiguration").Value!;
        var project = Path.Combine(FindRepositoryRoot(), "src", "Runtime", name, name + ".csproj");
        return DotnetCli.Run(Root, CommandTimeout, "pack", project, "-c", configuration, "--no-build", "-o", Feed, "-p:Version=" + Version);
    }

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string PackagePath { get; }

    public DotnetCli.Result Pack { get; }

    public string[] PackageEntries()
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        return archive.Entries.Select(e => e.FullName).ToArray();
    }

    /// <summary>A console project in its own folder; its nuget.config adds the temp feed to the machine's sources.</summary>
    public string CreateConsumer(string name, string program)
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MLflow.Tracking" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        WriteNugetConfig(directory);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        return directory;
    }

    /// <summary>Adds the temp feed to the machine's package sources for the project in <paramref name="directory"/>.</summary>
    public void WriteNugetConfig(string directory) =>
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="mlflow-tracking-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

    public DotnetCli.Result Dotnet(string directory, params string[] arguments) => DotnetCli.Run(directory, CommandTimeout, arguments);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the folder is under the temp directory anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    internal static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MLflow.Tracking.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MLflow.Tracking.sln not found above " + AppContext.BaseDirectory);
    }
}
