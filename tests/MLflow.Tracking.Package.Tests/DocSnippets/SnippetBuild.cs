using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace MLflow.Tracking.Package.Tests.DocSnippets;

/// <summary>What happened to one snippet project: its build errors (located in the Markdown page) and its run.</summary>
internal sealed record SnippetOutcome(IReadOnlyList<string> BuildErrors, DotnetCli.Result? Run, string RunDirectory);

/// <summary>
/// Writes every snippet project of the catalog as a consumer of the packed packages, builds them all with one
/// <c>dotnet build</c> of one solution, then runs the programs, each in a fresh folder (the default store writes
/// <c>mlflow.db</c> there). Each source starts with a <c>#line</c> directive naming the Markdown page, so the
/// compiler's messages point at the page and line a writer edits.
/// </summary>
internal sealed class SnippetBuild
{
    private static readonly string[] CompanionPackages = ["MLflow.Tracking.Testing", "MLflow.Tracking.AspNetCore", "MLflow.Tracking.DynamicProxy"];

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, SnippetOutcome> _outcomes = new(StringComparer.Ordinal);

    public SnippetBuild(PackageFixture package, SnippetCatalog catalog)
    {
        var stopwatch = Stopwatch.StartNew();
        Catalog = catalog;
        Directory = Path.Combine(package.Root, "snippets");
        System.IO.Directory.CreateDirectory(Directory);

        // The companions depend on MLflow.Tracking of the same version, which the fixture has packed already.
        var packs = CompanionPackages.AsParallel().Select(package.PackRuntimeProject).ToList();
        PackTime = stopwatch.Elapsed;
        var versions = new PackageVersions(catalog.RepositoryRoot, package.Version);
        foreach (var project in catalog.Projects)
        {
            Write(project, versions);
        }

        package.WriteNugetConfig(Directory);
        File.WriteAllText(Path.Combine(Directory, "Snippets.slnx"), "<Solution>\n"
            + string.Concat(catalog.Projects.Select(p => $"  <Project Path=\"{p.Name}/{p.Name}.csproj\" />\n"))
            + "</Solution>\n");

        // Restore and build apart, so that the test says which of the two takes the time.
        Build = packs.FirstOrDefault(p => p.ExitCode != 0)
            ?? Failed(package.Dotnet(Directory, "restore", "Snippets.slnx", "-v", "q", "-tl:off", "-nologo"))
            ?? package.Dotnet(Directory, "build", "Snippets.slnx", "-c", "Release", "--no-restore", "-v", "q", "-tl:off", "-clp:NoSummary", "-nologo");
        BuildTime = stopwatch.Elapsed - PackTime;

        var errors = ErrorsByProject(Build.Output);
        var runs = catalog.Projects
            .Where(p => p.Runs && errors[p.Name].Count == 0)
            .AsParallel().WithDegreeOfParallelism(2)
            .Select(p => (p.Name, Run: RunProgram(package, p)))
            .ToDictionary(r => r.Name, r => r.Run, StringComparer.Ordinal);
        foreach (var project in catalog.Projects)
        {
            _outcomes[project.Name] = new SnippetOutcome(
                errors[project.Name],
                runs.GetValueOrDefault(project.Name),
                RunDirectory(project));
        }

        TotalTime = stopwatch.Elapsed;
    }

    public SnippetCatalog Catalog { get; }

    public string Directory { get; }

    public DotnetCli.Result Build { get; }

    /// <summary>How long packing the companion packages took (MLflow.Tracking itself is packed by the fixture).</summary>
    public TimeSpan PackTime { get; }

    /// <summary>How long the one <c>dotnet restore</c> of every snippet project took.</summary>
    public TimeSpan RestoreTime { get; private set; }

    /// <summary>How long the one restore and the one <c>dotnet build</c> of every snippet project took.</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>Packing, building and running, all together.</summary>

    public TimeSpan TotalTime { get; }

    public SnippetOutcome Outcome(string project) => _outcomes[project];

    private void Write(SnippetProject project, PackageVersions versions)
    {
        var folder = Path.Combine(Directory, project.Name);
        System.IO.Directory.CreateDirectory(folder);
        var references = new StringBuilder();
        foreach (var name in new[] { "MLflow.Tracking" }.Concat(project.Packages).Distinct(StringComparer.Ordinal))
        {
            references.Append(CultureInvariant($"    <PackageReference Include=\"{name}\" Version=\"{versions.Of(name)}\" />\n"));
        }

        // What 'dotnet new console' (or 'web') writes, plus warnings as errors: a snippet must compile clean.
        File.WriteAllText(Path.Combine(folder, project.Name + ".csproj"), $"""
            <Project Sdk="{(project.Sdk == "web" ? "Microsoft.NET.Sdk.Web" : "Microsoft.NET.Sdk")}">
              <PropertyGroup>
                <OutputType>{(project.IsProgram ? "Exe" : "Library")}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
            {references}  </ItemGroup>
            </Project>
            """);
        foreach (var source in project.Sources)
        {
            var page = Path.Combine(Catalog.RepositoryRoot, source.Block.Page);
            File.WriteAllText(
                Path.Combine(folder, source.FileName),
                CultureInvariant($"#line {source.Block.FenceLine + 1} \"{page}\"\n") + source.Block.Code);
        }
    }

    private Dictionary<string, List<string>> ErrorsByProject(string output)
    {
        var errors = Catalog.Projects.ToDictionary(p => p.Name, _ => new List<string>(), StringComparer.Ordinal);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
        foreach (var line in lines)
        {
            var owner = Catalog.Projects.FirstOrDefault(p => line.Contains($"{Path.DirectorySeparatorChar}{p.Name}.csproj", StringComparison.Ordinal));
            var text = line.Replace(Catalog.RepositoryRoot + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Trim();
            var cut = text.LastIndexOf(" [", StringComparison.Ordinal);
            text = cut > 0 && text.EndsWith(']') ? text[..cut] : text;
            if (owner is not null)
            {
                errors[owner.Name].Add(text);
            }
        }

        // A failure no project owns (a pack, the solution) fails every project, with the whole output to read.
        if (Build.ExitCode != 0 && errors.Values.All(e => e.Count == 0))
        {
            foreach (var list in errors.Values)
            {
                list.Add($"the snippet build failed (exit code {Build.ExitCode}) with no error of this project:\n{Build.Output}");
            }
        }

        return errors;
    }

    private string RunDirectory(SnippetProject project) => Path.Combine(Path.GetDirectoryName(Directory)!, "runs", project.Name);

    private DotnetCli.Result RunProgram(PackageFixture package, SnippetProject project)
    {
        var folder = RunDirectory(project);
        System.IO.Directory.CreateDirectory(folder);
        var assembly = Path.Combine(Directory, project.Name, "bin", "Release", "net10.0", project.Name + ".dll");
        try
        {
            return DotnetCli.Run(folder, RunTimeout, assembly);
        }
        catch (TimeoutException e)
        {
            // One program that hangs (waits for a server, serves forever) fails its own test, not the whole build.
            return new DotnetCli.Result(-1, e.Message) { StandardError = e.Message };
        }
    }

    private DotnetCli.Result? Failed(DotnetCli.Result restore)
    {
        RestoreTime = restore.Duration;
        return restore.ExitCode == 0 ? null : restore;
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
