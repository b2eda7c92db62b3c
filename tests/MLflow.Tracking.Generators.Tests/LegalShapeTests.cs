using System.Collections.Generic;
using System.Linq;
using MLflow.Tracking.Generators.Tests.Infrastructure;

namespace MLflow.Tracking.Generators.Tests;

/// <summary>
/// Legal user code that once broke the generated code (held-out corpus of issue 11): each must compile with the
/// generated sources and no warning at all (Nullable, WarningLevel 9999), and get its code generated.
/// </summary>
public sealed class LegalShapeTests
{
    public static IEnumerable<object[]> Shapes => LegalShapes.All.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Generated_code_compiles_without_any_warning(string shape)
    {
        var output = GeneratorHarness.Run(LegalShapes.All[shape]);

        Assert.True(output.GeneratorDiagnostics.IsEmpty, string.Join("\n", output.GeneratorDiagnostics));
        Assert.NotEmpty(output.Files);
        var problems = GeneratorHarness.Problems(output.Compilation);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + output.CombinedText());
    }

    [Fact]
    public void Hint_names_are_unique_for_generic_arity_case_and_overloads()
    {
        var output = GeneratorHarness.Run(LegalShapes.All["HintNameCollisions"]);

        var names = output.Files.Select(f => f.HintName).ToList();
        Assert.Equal(7, names.Count);
        Assert.Equal(names.Count, names.Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(names, n => n.StartsWith("Shapes.Box-1.M.", System.StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("Shapes.Box_1.M.", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Locals_step_aside_for_parameters_named_like_them()
    {
        var output = GeneratorHarness.Run(LegalShapes.All["ParametersNamedLikeLocals"]);

        var text = output.CombinedText();
        Assert.Contains("global::MLflow.Tracking.TrackedRunScope ___run = ___tracker.StartRun(", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain(" __run =", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_code_uses_no_var_and_qualifies_every_call()
    {
        var output = GeneratorHarness.Run(LegalShapes.All["TypeNamedVarAndParameterNamedLikeCore"]);

        var text = output.CombinedText();
        Assert.DoesNotContain("var ", text, System.StringComparison.Ordinal);
        Assert.Contains("return this.RunCore(RunCore, x);", text, System.StringComparison.Ordinal);
        Assert.Contains("return global::Shapes.Calls.StaticRunCore(StaticRunCore, x);", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Obsolete_and_experimental_types_are_suppressed_in_the_generated_file_only()
    {
        var output = GeneratorHarness.Run(LegalShapes.All["ObsoleteAndExperimentalTypes"]);

        Assert.Contains("#pragma warning disable CS0612, CS0618, EXP001", output.CombinedText(), System.StringComparison.Ordinal);
    }
}
