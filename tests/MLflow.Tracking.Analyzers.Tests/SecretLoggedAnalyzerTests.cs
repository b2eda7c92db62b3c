using System.Threading.Tasks;

namespace MLflow.Tracking.Analyzers.Tests;

public class SecretLoggedAnalyzerTests
{
    private static Task VerifyAsync(string source, string? editorConfig = null) => BuildVerifier.VerifyAsync(source, editorConfig);

    [Fact]
    public Task Password_parameter_of_tracked_run_is_reported() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] string {|MLFLOW001:password|});
            private void TrainCore(string password) { }
        }
        """);

    [Fact]
    public Task Secret_key_name_in_log_param_attribute_is_reported() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam("db_password")] string {|MLFLOW001:value|});
            private void TrainCore(string value) { }
        }
        """);

    [Fact]
    public Task Parameter_without_log_param_is_not_reported() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] int epochs, string password);
            private void TrainCore(int epochs, string password) { }
        }
        """);

    [Theory]
    [InlineData("Hash")]
    [InlineData("Length")]
    public Task Redacted_parameter_is_not_reported(string redaction) => VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam(Redact = ParamRedaction.{{redaction}})] string password);
            private void TrainCore(string password) { }
        }
        """);

    [Fact]
    public Task Secret_member_of_a_flattened_object_is_reported_on_the_parameter() => VerifyAsync("""
        public sealed class DatabaseOptions
        {
            public string Host { get; set; } = "";
            public string Password { get; set; } = "";
        }

        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] DatabaseOptions {|MLFLOW001:options|});
            private void TrainCore(DatabaseOptions options) { }
        }
        """);

    [Fact]
    public Task Secret_member_of_a_nested_object_is_reported() => VerifyAsync("""
        public sealed record Storage(string Bucket, string AccessKey);
        public sealed record Options(int BatchSize, Storage Storage);

        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] Options {|MLFLOW001:options|});
            private void TrainCore(Options options) { }
        }
        """);

    [Fact]
    public Task Redacted_member_of_a_flattened_object_is_not_reported() => VerifyAsync("""
        public sealed class DatabaseOptions
        {
            public string Host { get; set; } = "";
            [LogParam(Redact = ParamRedaction.Hash)] public string Password { get; set; } = "";
            private string Secret { get; set; } = "";
            public static string ApiKey { get; set; } = "";
        }

        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] DatabaseOptions options);
            private void TrainCore(DatabaseOptions options) { }
        }
        """);

    [Fact]
    public Task Redacted_object_parameter_is_not_flattened() => VerifyAsync("""
        public sealed record Options(string Password);

        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam(Redact = ParamRedaction.Length)] Options options);
            private void TrainCore(Options options) { }
        }
        """);

    [Fact]
    public Task Password_property_text_attribute_is_reported() => VerifyAsync("""
        public sealed class Options
        {
            [System.ComponentModel.PasswordPropertyText] public string Pin { get; set; } = "";
        }

        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] Options {|MLFLOW001:options|});
            private void TrainCore(Options options) { }
        }
        """);

    [Fact]
    public Task Data_classification_attribute_subclass_is_reported() => VerifyAsync("""
        public class DataClassificationAttribute : Attribute { }
        public sealed class PrivateDataAttribute : DataClassificationAttribute { }

        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam][PrivateData] string {|MLFLOW001:email|});
            private void TrainCore(string email) { }
        }
        """);

    [Fact]
    public Task Active_run_log_param_with_secret_value_name_is_reported() => VerifyAsync("""
        public class Job
        {
            public void Run(string apiKey) => ActiveRun.Current?.LogParam("provider", {|MLFLOW001:apiKey|});
        }
        """);

    [Fact]
    public Task Active_run_log_param_with_ml_names_is_not_reported() => VerifyAsync("""
        public class Job
        {
            public void Run(ActiveRun run, int maxTokens, string tokenizer)
            {
                run.LogParam("max_tokens", maxTokens);
                run.LogParam("tokenizer", tokenizer);
                run.SetTag("author", "me");
            }
        }
        """);

    [Fact]
    public Task Member_access_value_is_judged_by_member_name() => VerifyAsync("""
        public sealed class Settings { public string ClientSecret { get; set; } = ""; }

        public class Job
        {
            public void Run(ActiveRun run, Settings settings) => run.SetTag("client", {|MLFLOW001:settings.ClientSecret|});
        }
        """);

    [Fact]
    public Task Runs_client_calls_are_checked() => VerifyAsync("""
        public class Job
        {
            public async Task RunAsync(RunsClient runs, string password, string token)
            {
                await runs.LogParamAsync("run", "db_password", {|MLFLOW001:password|});
                await runs.SetTagAsync("run", "auth", {|MLFLOW001:token|});
                await runs.LogParamAsync("run", "lr", "0.1");
            }
        }
        """);

    [Fact]
    public Task Builders_are_checked() => VerifyAsync("""
        public class Job
        {
            public void Build(MlflowClient client, System.Security.SecureString pin, string password)
            {
                client.CreateRunBuilder("1").WithParam("pin", {|MLFLOW001:pin|}).WithTag("pwd", {|MLFLOW001:password.ToString()|}).WithParam("epochs", 3);
                client.CreateExperimentBuilder("e").WithTag("bearer", {|MLFLOW001:"x"|});
            }
        }
        """);

    [Fact]
    public Task Param_and_tag_records_for_log_batch_are_checked() => VerifyAsync("""
        public class Job
        {
            public Task LogAsync(RunsClient runs, string secret) =>
                runs.LogBatchAsync("run", parameters: new[] { new Param("secret", {|MLFLOW001:secret|}), new Param("lr", "0.1") }, tags: new[] { new Tag("api_key", {|MLFLOW001:"k"|}) });
        }
        """);

    [Fact]
    public Task Secret_words_from_editorconfig_extend_the_list() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] string {|MLFLOW001:hfLicence|}, [LogParam] int epochs);
            private void TrainCore(string hfLicence, int epochs) { }
        }
        """, "mlflow_tracking.secret_words = licence, hush\n");

    [Fact]
    public Task Safe_words_from_editorconfig_silence_a_word() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] string token, [LogParam] string {|MLFLOW001:password|});
            private void TrainCore(string token, string password) { }
        }
        """, "mlflow_tracking.safe_words = token\n");

    [Fact]
    public Task Methods_without_tracked_run_are_not_checked_for_params() => VerifyAsync("""
        public class Trainer
        {
            public void Train([{|MLFLOW003:LogParam|}] string password) { }
        }
        """);

    [Fact]
    public Task Value_redacted_with_param_redactor_is_not_reported() => VerifyAsync("""
        public class Job
        {
            public void Run(ActiveRun run, string password) => run.LogParam("db_password", ParamRedactor.Redact(password, ParamRedaction.Hash));
        }
        """);

    [Fact]
    public Task Compilation_without_mlflow_attributes_in_use_reports_nothing() => VerifyAsync("""
        public class Plain
        {
            public string Password { get; set; } = "";
            public void SetPassword(string password) => Password = password;
        }
        """);

    [Fact]
    public Task Secret_member_of_an_interface_typed_parameter_is_reported() => VerifyAsync("""
        public interface ICredentials
        {
            string User { get; }
            string Password { get; }
        }

        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] ICredentials {|MLFLOW001:creds|});

            private void TrainCore(ICredentials creds) { }
        }
        """);

    [Fact]
    public Task Collection_members_are_not_logged_so_their_names_are_not_judged() => VerifyAsync("""
        public sealed class Options
        {
            public int BatchSize { get; set; }
            public List<string> ApiKeys { get; set; } = new();
            public string[] Passwords { get; set; } = Array.Empty<string>();
        }

        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] Options options);

            private void TrainCore(Options options) { }
        }
        """);

    [Fact]
    public Task Obsolete_members_are_not_logged_so_their_names_are_not_judged() => VerifyAsync("""
        public sealed class Options
        {
            public int BatchSize { get; set; }

            [Obsolete("use the vault")]
            public string Password { get; set; } = "";
        }

        public partial class Trainer
        {
            [TrackedRun]
            public partial void Train([LogParam] Options options);

            private void TrainCore(Options options) { }
        }
        """);
}
