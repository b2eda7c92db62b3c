using System.Threading.Tasks;
using MLflow.Tracking.CodeFixes;

namespace MLflow.Tracking.Analyzers.Tests;

public class SecretLoggedCodeFixTests
{
    private const string Source = """
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] int epochs, [LogParam("db_password")] string {|MLFLOW001:password|}, [LogParam, Obsolete] string {|MLFLOW001:apiKey|});
        }
        """;

    private static Task VerifyAsync(string source, string fixedSource, string key) =>
        CodeFixVerifier<SecretLoggedAnalyzer, SecretLoggedCodeFixProvider>.VerifyAsync(source, fixedSource, key);

    [Fact]
    public Task Remove_drops_the_log_param_attributes() => VerifyAsync(Source, """
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] int epochs, string password, [Obsolete] string apiKey);
        }
        """, SecretLoggedCodeFixProvider.RemoveKey);

    [Fact]
    public Task Hash_redacts_every_secret_parameter() => VerifyAsync(Source, """
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] int epochs, [LogParam("db_password", Redact = ParamRedaction.Hash)] string password, [LogParam(Redact = ParamRedaction.Hash), Obsolete] string apiKey);
        }
        """, SecretLoggedCodeFixProvider.HashKey);

    [Fact]
    public Task Length_redacts_every_secret_parameter() => VerifyAsync(Source, """
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] int epochs, [LogParam("db_password", Redact = ParamRedaction.Length)] string password, [LogParam(Redact = ParamRedaction.Length), Obsolete] string apiKey);
        }
        """, SecretLoggedCodeFixProvider.LengthKey);

    [Fact]
    public Task Flattened_object_with_several_secrets_is_fixed_once() => VerifyAsync("""
        public sealed record Credentials(string User, string Password, string ApiKey);

        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] Credentials {|MLFLOW001:{|MLFLOW001:login|}|});
        }
        """, """
        public sealed record Credentials(string User, string Password, string ApiKey);

        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam(Redact = ParamRedaction.Hash)] Credentials login);
        }
        """, SecretLoggedCodeFixProvider.HashKey);
}
