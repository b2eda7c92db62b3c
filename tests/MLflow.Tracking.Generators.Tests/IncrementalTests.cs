using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MLflow.Tracking.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MLflow.Tracking.Generators.Tests;

public sealed class IncrementalTests
{
    private const string Source = """
        using MLflow.Tracking;
        namespace App;
        public partial class Trainer
        {
            [TrackedRun(Experiment = "training")]
            public partial double Train([LogParam("lr")] double learningRate);
            private double TrainCore(double learningRate)
            {
                return learningRate * 2;
            }
        }
        """;

    /// <summary>A method the generator refuses (no Core), so that its diagnostic travels through the pipeline.</summary>
    private const string Refused = """
        using MLflow.Tracking;
        namespace App;
        public partial class Broken
        {
            [TrackedRun]
            public partial int Run(int x);
        }
        """;

    private static readonly string[] StepNames = { TrackingNames.TrackedMethods, TrackingNames.ImplementableMethods, TrackingNames.MethodDiagnostics };

    [Fact]
    public void Adding_an_unrelated_class_leaves_every_step_cached_and_regenerates_nothing()
    {
        var (driver, compilation) = FirstRun();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; public class Unrelated { }", GeneratorHarness.ParseOptions));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertNothingChanged(result);
    }

    [Fact]
    public void Editing_inside_a_Core_body_leaves_every_step_cached_and_regenerates_nothing()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, "return learningRate * 2;", "var doubled = learningRate * 2;\n        return doubled;");

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertNothingChanged(result);
    }

    [Fact]
    public void Changing_a_LogParam_name_regenerates_the_method()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, "[LogParam(\"lr\")]", "[LogParam(\"learning_rate\")]");

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.ImplementableMethods].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("\"learning_rate\"", result.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_model_holds_no_symbols_syntax_compilations_or_locations()
    {
        var (driver, _) = FirstRun();
        var result = driver.GetRunResult().Results.Single();
        var outputs = StepNames.SelectMany(name => result.TrackedSteps[name]).SelectMany(step => step.Outputs).Select(o => o.Value).ToList();

        Assert.NotEmpty(outputs);
        foreach (var output in outputs)
        {
            AssertPure(output, new HashSet<object>(ReferenceEqualityComparer.Instance), "model");
        }
    }

    [Fact]
    public void Pipeline_model_of_a_reported_diagnostic_holds_no_symbols_syntax_or_locations()
    {
        var (driver, _) = FirstRun(Source, Refused);
        var result = driver.GetRunResult().Results.Single();
        var outputs = result.TrackedSteps[TrackingNames.TrackedMethods].SelectMany(step => step.Outputs).Select(o => o.Value).ToList();

        Assert.Contains(outputs, o => o is Model.TrackedMethodResult { Model: null, Diagnostics.Count: 1 });
        Assert.Equal("MLFLOW007", Assert.Single(result.Diagnostics).Id);
        foreach (var output in outputs)
        {
            AssertPure(output, new HashSet<object>(ReferenceEqualityComparer.Instance), "model");
        }
    }

    [Fact]
    public void A_refused_method_stays_cached_and_keeps_its_diagnostic_across_unrelated_edits()
    {
        var (driver, compilation) = FirstRun(Source, Refused);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; public class Unrelated { }", GeneratorHarness.ParseOptions));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertNothingChanged(result);
        Assert.Equal("MLFLOW007", Assert.Single(result.Diagnostics).Id);
    }

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun(params string[] sources)
    {
        var compilation = GeneratorHarness.CreateCompilation(sources.Length == 0 ? new[] { Source } : sources);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        Assert.Single(driver.GetRunResult().Results.Single().GeneratedSources);
        return (driver, compilation);
    }

    private static Compilation Replace(Compilation compilation, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.First();
        var text = tree.GetText().ToString();
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text.Replace(oldText, newText, StringComparison.Ordinal))));
    }

    private static void AssertNothingChanged(GeneratorRunResult result)
    {
        foreach (var name in StepNames)
        {
            var reasons = result.TrackedSteps[name].SelectMany(step => step.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + ": " + reason));
        }

        var outputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SemanticModel), typeof(Location), typeof(SyntaxTree),
    };

    private static void AssertPure(object? value, HashSet<object> visited, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.FullName}");
        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items && value is not string)
        {
            var index = 0;
            foreach (var item in items)
            {
                AssertPure(item, visited, path + "[" + index++ + "]");
            }
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertPure(field.GetValue(value), visited, path + "." + field.Name);
            }
        }
    }
}
