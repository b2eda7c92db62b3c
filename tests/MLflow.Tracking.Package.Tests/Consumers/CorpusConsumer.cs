using System;
using System.Collections.Generic;
using System.IO;

namespace MLflow.Tracking.Package.Tests.Consumers;

/// <summary>
/// One consumer project of the packed package, restored once, that compiles one corpus group at a time
/// (<c>-p:CorpusGroup=Warnings</c>): one restore serves every build, and each build is a full rebuild of that group.
/// </summary>
internal sealed class CorpusConsumer
{
    public static readonly string[] Groups = ["Clean", "Legal", "HintNames", "Warnings", "Errors", "Generator"];

    private readonly PackageFixture _package;
    private readonly Dictionary<string, CorpusComparison> _builds = new(StringComparer.Ordinal);

    public CorpusConsumer(PackageFixture package)
    {
        _package = package;
        CorpusRoot = Path.Combine(PackageFixture.FindRepositoryRoot(), "tests", "MLflow.Tracking.Package.Tests", "Corpus");
        Directory = Path.Combine(package.Root, "Corpus");
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var group in Groups)
        {
            var target = Path.Combine(Directory, group);
            System.IO.Directory.CreateDirectory(target);
            foreach (var file in Files(group))
            {
                File.Copy(file.Path, Path.Combine(target, file.Name), overwrite: true);
            }
        }

        File.WriteAllText(Path.Combine(Directory, "Corpus.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <WarningLevel>9999</WarningLevel>
                <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="$(CorpusGroup)/*.cs" />
                <PackageReference Include="MLflow.Tracking" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        package.WriteNugetConfig(Directory);
        Restore = package.Dotnet(Directory, "restore", "Corpus.csproj", "-v", "q");
    }

    public string CorpusRoot { get; }

    public string Directory { get; }

    public DotnetCli.Result Restore { get; }

    public IReadOnlyList<CorpusFile> Files(string group) => CorpusFile.Load(CorpusRoot, group);

    /// <summary>Builds <paramref name="group"/> once per argument set, as a user would from the command line.</summary>
    public CorpusComparison Build(string group, params string[] extraArguments)
    {
        var key = group + " " + string.Join(' ', extraArguments);
        lock (_builds)
        {
            if (!_builds.TryGetValue(key, out var comparison))
            {
                var arguments = new List<string>
                {
                    "build", "Corpus.csproj", "-c", "Release", "--no-restore", "--no-incremental", "-v", "q", "-tl:off", "-clp:NoSummary",
                    "-p:CorpusGroup=" + group,
                };
                arguments.AddRange(extraArguments);
                comparison = new CorpusComparison(group, Files(group), _package.Dotnet(Directory, arguments.ToArray()));
                _builds.Add(key, comparison);
            }

            return comparison;
        }
    }
}
