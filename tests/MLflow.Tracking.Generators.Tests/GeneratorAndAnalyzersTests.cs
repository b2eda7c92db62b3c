using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.Analyzers;
using MLflow.Tracking.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Generators.Tests;

/// <summary>
/// The generator and every analyzer of the package over one compilation, as a build runs them: the shape rules
/// (MLFLOW002, MLFLOW007) come from the generator only, and no diagnostic is reported twice.
/// </summary>
public sealed class GeneratorAndAnalyzersTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(SecretLoggedAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    [Fact]
    public void No_analyzer_claims_the_rules_the_generator_reports()
    {
        Assert.NotEmpty(Analyzers);
        var analyzerIds = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();

        Assert.DoesNotContain("MLFLOW002", analyzerIds);
        Assert.DoesNotContain("MLFLOW007", analyzerIds);
    }

    [Fact]
    public async Task Every_refused_shape_gets_its_diagnostic_exactly_once_with_the_analyzers_running()
    {
        var sources = RefusedShapes.All.Select((shape, i) => "using MLflow.Tracking;\nnamespace Case" + i + ";\n" + shape.Source).ToArray();
        var output = GeneratorHarness.Run(sources);
        var analyzerDiagnostics = await output.Compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();

        var all = output.GeneratorDiagnostics.Concat(analyzerDiagnostics).Where(d => d.Id.StartsWith("MLFLOW", StringComparison.Ordinal)).ToList();
        var duplicates = all.GroupBy(d => (d.Id, d.Location.GetLineSpan().Path, d.Location.SourceSpan)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicates);
        Assert.Equal(RefusedShapes.All.Count, output.GeneratorDiagnostics.Length);
        Assert.Equal(RefusedShapes.All.Select(s => s.Id).OrderBy(id => id), output.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id));
    }

    [Fact]
    public async Task Analyzers_still_see_the_tracked_method_next_to_the_generated_implementation()
    {
        var output = GeneratorHarness.Run("""
            using MLflow.Tracking;
            public partial class C
            {
                [TrackedRun]
                public partial int Run([LogParam] string apiKey);
                private int RunCore(string apiKey) => apiKey.Length;
            }
            """);
        var analyzerDiagnostics = await output.Compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();

        Assert.Single(output.Files);
        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Equal("MLFLOW001", Assert.Single(analyzerDiagnostics).Id);
    }
}
