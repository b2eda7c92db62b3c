using System.Collections.Generic;
using System.Linq;
using MLflow.Tracking.Generators.Tests.Infrastructure;

namespace MLflow.Tracking.Generators.Tests;

/// <summary>Methods the generator cannot implement get no code and no generator diagnostic (the analyzers explain why).</summary>
public sealed class SkippedMethodTests
{
    public static IEnumerable<object[]> Invalid => new[]
    {
        new object[] { "MissingCore", "public partial class C { [TrackedRun] public partial int Run(int x); }" },
        new object[] { "CoreWithOtherSignature", "public partial class C { [TrackedRun] public partial int Run(int x); private int RunCore(long x) => 0; }" },
        new object[] { "MethodWithBody", "public partial class C { [TrackedRun] public int Run(int x) => x; private int RunCore(int x) => x; }" },
        new object[] { "TypeNotPartial", "public class C { [TrackedRun] public partial int Run(int x); private int RunCore(int x) => x; }" },
        new object[] { "FileLocalType", "file partial class C { [TrackedRun] public partial int Run(int x); private int RunCore(int x) => x; }" },
        new object[] { "AsyncWithRefParameter", "public partial class C { [TrackedRun] public partial System.Threading.Tasks.Task Run(ref int x); private System.Threading.Tasks.Task RunCore(ref int x) => System.Threading.Tasks.Task.CompletedTask; }" },
        new object[] { "StaticMethodWithInstanceCore", "public partial class C { [TrackedRun] public static partial int Run(int x); private int RunCore(int x) => x; }" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Method_that_cannot_be_implemented_gets_no_code_and_no_generator_diagnostic(string name, string source)
    {
        var output = GeneratorHarness.Run("using MLflow.Tracking;\n" + source);

        Assert.True(output.Files.Count == 0, name);
        Assert.Empty(output.GeneratorDiagnostics);
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

        Assert.Equal(new[] { "C.Fine.g.cs" }, output.Files.Select(f => f.HintName));
    }
}
