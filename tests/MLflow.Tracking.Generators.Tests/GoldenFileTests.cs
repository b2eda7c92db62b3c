using System.Collections.Generic;
using System.IO;
using System.Linq;
using MLflow.Tracking.Generators.Tests.Infrastructure;

namespace MLflow.Tracking.Generators.Tests;

public sealed class GoldenFileTests
{
    public static IEnumerable<object[]> Shapes => MethodShapes.All.Keys.Select(shape => new object[] { shape });

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Generated_code_matches_the_golden_file(string shape)
    {
        var output = GeneratorHarness.Run(MethodShapes.All[shape]);
        var actual = Goldens.Normalize(output.CombinedText());
        var path = Goldens.PathOf(shape);
        if (Goldens.Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"Missing golden {path}: run the tests with MLFLOW_UPDATE_GOLDENS=1 and review it.");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Generated_code_compiles_without_warnings_under_nullable(string shape)
    {
        var output = GeneratorHarness.Run(MethodShapes.All[shape]);

        Assert.NotEmpty(output.Files);
        Assert.Empty(output.GeneratorDiagnostics);
        var problems = GeneratorHarness.Problems(output.Compilation);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
