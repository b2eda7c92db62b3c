using System.Threading.Tasks;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>
/// The harness reports what the command line reports: analyzer diagnostics survive errors inside method bodies and
/// vanish behind declaration errors (csc's gate before it runs the analyzers), as the package corpus shows for CS8795.
/// </summary>
public class BuildHarnessTests
{
    [Fact]
    public async Task An_error_inside_a_method_body_leaves_analyzer_diagnostics_visible()
    {
        var diagnostics = await BuildVerifier.VerifyAsync("""
            public class Setup
            {
                public void Configure(string password)
                {
                    int size = {|CS0029:"large"|};
                    ActiveRun.Current?.LogParam("db_password", {|MLFLOW001:password|});
                }
            }
            """);
        Assert.Equal(2, diagnostics.Length);
    }

    [Fact]
    public async Task A_declaration_error_hides_analyzer_diagnostics_as_on_the_command_line()
    {
        var (source, _) = DiagnosticMarkup.Parse(BuildVerifier.Usings + """
            public class Setup : IDisposable
            {
                public void Configure(string password) => ActiveRun.Current?.LogParam("db_password", password);
            }
            """);
        var build = await GeneratedBuild.RunAsync(source);

        Assert.Contains(build.Diagnostics, d => d.Id == "CS0535");
        Assert.DoesNotContain(build.Diagnostics, d => d.Id == "MLFLOW001");
        Assert.Contains(build.HiddenByErrors, d => d.Id == "MLFLOW001");
    }
}
