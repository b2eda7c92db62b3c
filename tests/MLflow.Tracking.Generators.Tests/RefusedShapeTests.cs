using System;
using System.Collections.Generic;
using System.Linq;
using MLflow.Tracking.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Generators.Tests;

/// <summary>
/// Shapes the generator cannot implement: no code, and exactly one MLFLOW diagnostic from the generator itself (so it
/// shows even when the build also fails with CS8795), on the line marked <c>//!</c>, naming what to change.
/// </summary>
public sealed class RefusedShapeTests
{
    public static IEnumerable<object[]> Cases => RefusedShapes.All.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generator_reports_the_diagnostic_on_the_marked_line(string name)
    {
        var shape = RefusedShapes.All.Single(c => c.Name == name);
        var output = GeneratorHarness.Run("using MLflow.Tracking;\n" + shape.Source);

        Assert.True(output.Files.Count == 0, output.CombinedText());
        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal(shape.Id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var lines = ("using MLflow.Tracking;\n" + shape.Source).Split('\n');
        var marked = Array.FindIndex(lines, l => l.Contains("//!", StringComparison.Ordinal));
        Assert.Equal(marked, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(shape.MessagePart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("https://github.com/mlflow-dotnet/mlflow-tracking/blob/main/docs/diagnostics/" + shape.Id + ".md", diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void Valid_method_next_to_an_invalid_one_is_still_implemented()
    {
        var output = GeneratorHarness.Run("""
            using MLflow.Tracking;
            public partial class C
            {
                [TrackedRun] public partial int Broken(int x);
                [TrackedRun] public partial int Fine(int x);
                private int FineCore(int x) => x;
            }
            """);

        Assert.Equal("C.Fine.", output.Files.Single().HintName[..7]);
        Assert.Equal("MLFLOW007", Assert.Single(output.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void Interface_abstract_and_interface_implementing_methods_are_left_to_the_dynamic_proxy()
    {
        var output = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using MLflow.Tracking;
            public interface ITrainer { [TrackedRun] double Train([LogParam] int epochs); Task<int> RunAsync(int x); int Count(); }
            public abstract class Trainer { [TrackedRun] public abstract double Train([LogParam] int epochs); }
            public class Implementation : ITrainer
            {
                [TrackedRun] public double Train([LogParam] int epochs) => epochs;
                [TrackedRun] public async Task<int> RunAsync([LogParam] int x) { await Task.Yield(); return x; }
                [TrackedRun] int ITrainer.Count() => 1;
            }
            """);

        Assert.Empty(output.Files);
        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(GeneratorHarness.Problems(output.Compilation));
    }

    [Fact]
    public void Missing_core_message_spells_the_expected_declaration()
    {
        var output = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using MLflow.Tracking;
            public partial class C
            {
                [TrackedRun] public static partial Task<string?> RunAsync<T>(ref readonly int x, T? item, params int[] rest) where T : class;
            }
            """);

        var messages = output.GeneratorDiagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(messages, m => m.Contains("declare 'private static Task<string?> RunAsyncCore<T>(ref readonly int x, T? item, params int[] rest) where T : class'", StringComparison.Ordinal));
    }
}
