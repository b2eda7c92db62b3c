using System.Threading.Tasks;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>MLFLOW001 over a table of names and types: secrets fire, ML look-alikes stay silent.</summary>
public class SecretNameTableTests
{
    public static TheoryData<string, string, bool> ParameterNames => new()
    {
        // Secrets, whatever the casing convention.
        { "password", "string", true },
        { "Password", "string", true },
        { "userPassword", "string", true },
        { "db_password", "string", true },
        { "DB_PASSWORD", "string", true },
        { "passwd", "string", true },
        { "pwd", "string", true },
        { "passphrase", "string", true },
        { "secret", "string", true },
        { "clientSecret", "string", true },
        { "client_secret", "string", true },
        { "secretKey", "string", true },
        { "apiKey", "string", true },
        { "ApiKey", "string", true },
        { "api_key", "string", true },
        { "APIKey", "string", true },
        { "apikey", "string", true },
        { "openAiApiKey", "string", true },
        { "accessKey", "string", true },
        { "aws_access_key", "string", true },
        { "privateKey", "string", true },
        { "private_key", "string", true },
        { "credential", "string", true },
        { "credentials", "object", true },
        { "connectionString", "string", true },
        { "ConnectionString", "string", true },
        { "sql_connection_string", "string", true },
        { "bearer", "string", true },
        { "bearerToken", "string", true },
        { "token", "string", true },
        { "authToken", "string", true },
        { "auth_token", "string", true },
        { "accessToken", "string", true },
        { "refresh_token", "string", true },
        { "githubToken", "string", true },
        { "token", "ReadOnlyMemory<char>", true },
        { "authHeader", "string", true },
        { "password2", "string", true },
        { "password", "int", true },
        { "secret", "int", true },
        { "sas_key", "string", true },
        { "anything", "System.Security.SecureString", true },
        { "login", "System.Net.NetworkCredential", true },
        { "cert", "System.Security.Cryptography.X509Certificates.X509Certificate2", true },
        { "maybeCredential", "System.Net.NetworkCredential?", true },

        // Collections are never logged (docs/attributes.md), so they cannot leak: no MLFLOW001 for them.
        { "token", "char[]", false },
        { "encryptionKey", "byte[]", false },
        { "db", "System.Data.Common.DbConnectionStringBuilder", false },
        { "passwords", "System.Collections.Generic.List<string>", false },

        // Values that are never read are not logged either.
        { "apiKey", "System.Threading.Tasks.Task<string>", false },
        { "secret", "System.Lazy<string>", false },

        // ML vocabulary and other look-alikes.
        { "max_tokens", "int", false },
        { "maxTokens", "int", false },
        { "num_tokens", "int", false },
        { "tokens", "string", false },
        { "tokenizer", "string", false },
        { "tokenizerName", "string", false },
        { "token_count", "int", false },
        { "tokenCount", "long", false },
        { "token", "int", false },
        { "pad_token", "string", false },
        { "eosToken", "string", false },
        { "max_token_length", "string", false },
        { "token_type", "string", false },
        { "key_dim", "int", false },
        { "keyDim", "int", false },
        { "key", "string", false },
        { "keyframe", "int", false },
        { "keyframes", "string", false },
        { "primary_key", "string", false },
        { "embedding_key", "string", false },
        { "sort_key", "string", false },
        { "author", "string", false },
        { "authority", "string", false },
        { "auth", "string", false },
        { "n_heads", "int", false },
        { "secretary", "string", false },
        { "passes", "int", false },
        { "num_passes", "int", false },
        { "learningRate", "double", false },
        { "batch_size", "int", false },
        { "model_name", "string", false },
        { "monkey", "string", false },
        { "turkey", "string", false },
        { "compass", "string", false },
        { "bypass", "bool", false },
    };

    [Theory]
    [MemberData(nameof(ParameterNames))]
    public Task Tracked_run_parameter_is_judged_by_name_and_type(string name, string type, bool isSecret)
    {
        var parameter = isSecret ? "{|MLFLOW001:" + name + "|}" : name;
        return BuildVerifier.VerifyAsync($$"""
            public partial class Trainer
            {
                [TrackedRun]
                public partial void Train([LogParam] {{type}} {{parameter}});

                private void TrainCore({{type}} {{name}}) { }
            }
            """);
    }

    public static TheoryData<string, bool> LiteralKeys => new()
    {
        { "api-key", true },
        { "x-api-key", true },
        { "db.password", true },
        { "client-secret", true },
        { "auth-token", true },
        { "Authorization", true },
        { "connection-string", true },
        { "max-tokens", false },
        { "model.tokenizer", false },
        { "key-dim", false },
        { "author", false },
        { "learning-rate", false },
    };

    [Theory]
    [MemberData(nameof(LiteralKeys))]
    public Task Literal_key_of_a_direct_call_is_judged_by_its_words(string key, bool isSecret)
    {
        var value = isSecret ? "{|MLFLOW001:value|}" : "value";
        return BuildVerifier.VerifyAsync($$"""
            public class Logger
            {
                public void Log(ActiveRun run, string value) => run.SetTag("{{key}}", {{value}});
            }
            """);
    }
}
