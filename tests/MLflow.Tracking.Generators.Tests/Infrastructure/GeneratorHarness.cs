using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MLflow.Tracking.Generators.Tests.Infrastructure;

/// <summary>Compiles test sources with the generator, against .NET 10 reference assemblies and the runtime.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(BuildReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "TrackedSample" + Guid.NewGuid().ToString("N"),
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Source" + i + ".cs", encoding: Encoding.UTF8)),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                optimizationLevel: OptimizationLevel.Debug,
                allowUnsafe: true));

    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new TrackedRunGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator; returns the compilation with the generated sources and the sources by hint name.</summary>
    public static GeneratorOutput Run(params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        var generated = result.GeneratedSources
            .OrderBy(source => source.HintName, StringComparer.Ordinal)
            .Select(source => new GeneratedFile(source.HintName, source.SourceText.ToString()))
            .ToList();
        return new GeneratorOutput((CSharpCompilation)output, generated, generatorDiagnostics);
    }

    /// <summary>Every error and warning of the compilation, formatted with the offending generated line.</summary>
    public static IReadOnlyList<string> Problems(Compilation compilation) =>
        compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d + " :: " + LineOf(d))
            .ToList();

    private static string LineOf(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree;
        if (tree is null)
        {
            return string.Empty;
        }

        var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
        return tree.GetText().Lines[line].ToString().Trim();
    }

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var references = new List<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All);
        foreach (var assembly in new[]
                 {
                     typeof(TrackedRunAttribute).Assembly,
                     typeof(Microsoft.Extensions.Logging.ILoggerFactory).Assembly,
                 })
        {
            references.Add(MetadataReference.CreateFromFile(assembly.Location));
        }

        return references.ToImmutableArray();
    }
}

internal sealed record GeneratedFile(string HintName, string Text);

internal sealed record GeneratorOutput(CSharpCompilation Compilation, IReadOnlyList<GeneratedFile> Files, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>All generated files as one text, each under a header naming it.</summary>
    public string CombinedText()
    {
        var builder = new StringBuilder();
        foreach (var file in Files)
        {
            builder.Append("// ---- ").Append(file.HintName).Append(" ----\n").Append(file.Text.Replace("\r\n", "\n"));
        }

        return builder.ToString();
    }
}
