using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>Runs one analyzer over a test source (markup <c>{|MLFLOW001:x|}</c> marks expected diagnostics).</summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string Usings = "using System;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing MLflow.Tracking;\n";

    public static Task VerifyAsync(string source, string? editorConfig = null)
    {
        var test = new Test { TestCode = Usings + source };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        return test.RunAsync();
    }

    private sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            // The generator does not run here: partial declarations have no implementation part (CS8795) on purpose.
            CompilerDiagnostics = CompilerDiagnostics.None;
        }
    }
}
