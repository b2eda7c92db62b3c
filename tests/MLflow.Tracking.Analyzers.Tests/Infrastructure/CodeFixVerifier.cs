using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>Runs an analyzer and a code fix: the single fix, and Fix All in document, project and solution.</summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource, string? equivalenceKey = null, int? iterations = null)
    {
        var test = new Test
        {
            TestCode = SourceUsings.Default + source,
            FixedCode = SourceUsings.Default + fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        if (iterations is { } count)
        {
            test.NumberOfIncrementalIterations = count;
            test.NumberOfFixAllIterations = 1;
        }

        return test.RunAsync();
    }

    private sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            FixedState.AdditionalReferences.AddRange(TestReferences.All);
            CompilerDiagnostics = CompilerDiagnostics.None;
        }
    }
}
