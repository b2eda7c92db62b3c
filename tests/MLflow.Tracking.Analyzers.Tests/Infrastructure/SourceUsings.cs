namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>The usings every code-fix test source starts with (the fix tests compare whole files, so they are fixed text).</summary>
internal static class SourceUsings
{
    public const string Default = "using System;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing MLflow.Tracking;\n";
}
