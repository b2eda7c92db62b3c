using System;
using System.Collections.Generic;
using System.IO;

namespace MLflow.Tracking.Tests.Client;

/// <summary>Options from MLflow's environment variables, safe ToString, and tracking URI parsing.</summary>
public sealed class MlflowOptionsTests
{
    private static Func<string, string?> Env(Dictionary<string, string> values) => name => values.TryGetValue(name, out var value) ? value : null;

    [Fact]
    public void FromEnvironment_reads_MLflow_variables()
    {
        var options = MlflowOptions.FromEnvironment(Env(new()
        {
            ["MLFLOW_TRACKING_URI"] = "http://mlflow:5000",
            ["MLFLOW_TRACKING_TOKEN"] = "tok",
            ["MLFLOW_TRACKING_INSECURE_TLS"] = "true",
            ["MLFLOW_HTTP_REQUEST_TIMEOUT"] = "30",
            ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "3",
            ["MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR"] = "0.5",
            ["MLFLOW_HTTP_REQUEST_BACKOFF_JITTER"] = "0",
            ["MLFLOW_TRACKING_SERVER_CERT_PATH"] = "/etc/ca.pem",
        }));

        Assert.Equal("http://mlflow:5000", options.TrackingUri);
        Assert.Equal("tok", options.Token);
        Assert.True(options.InsecureTls);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(0.5, options.BackoffFactor);
        Assert.Equal(0, options.BackoffJitter);
        Assert.Equal("/etc/ca.pem", options.ServerCertPath);
    }

    [Fact]
    public void FromEnvironment_keeps_defaults_for_unset_variables()
    {
        var options = MlflowOptions.FromEnvironment(Env(new()));

        Assert.Equal(7, options.MaxRetries);
        Assert.Equal(2, options.BackoffFactor);
        Assert.Equal(TimeSpan.FromSeconds(120), options.RequestTimeout);
        Assert.False(options.InsecureTls);
    }

    [Theory]
    [InlineData("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "many")]
    [InlineData("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "1.5")]
    [InlineData("MLFLOW_TRACKING_INSECURE_TLS", "maybe")]
    [InlineData("MLFLOW_HTTP_REQUEST_TIMEOUT", "-1")]
    public void FromEnvironment_names_a_variable_with_a_bad_value(string name, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => MlflowOptions.FromEnvironment(Env(new() { [name] = value })));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_hides_the_password_and_token()
    {
        var options = new MlflowOptions { TrackingUri = "https://mlflow.example.com", Username = "alice", Password = "pa55", Token = "tok-123" };

        var text = options.ToString();

        Assert.Contains("Basic ***", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-123", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_shows_Bearer_when_only_a_token_is_set()
    {
        var text = new MlflowOptions { Token = "tok-123" }.ToString();

        Assert.Contains("Bearer ***", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-123", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TrackingUri_parses_relative_and_absolute_sqlite_paths()
    {
        var baseDir = Path.GetTempPath();

        Assert.Equal(Path.GetFullPath(Path.Combine(baseDir, "mlflow.db")), TrackingUri.Parse("sqlite:///mlflow.db", baseDir).SqlitePath);
        Assert.Equal("/data/mlflow.db", TrackingUri.Parse("sqlite:////data/mlflow.db").SqlitePath);
        Assert.Equal(TrackingStoreKind.Sqlite, TrackingUri.Parse(null, baseDir).Kind);
    }

    [Theory]
    [InlineData("http://localhost:5000", "http://localhost:5000/")]
    [InlineData("https://mlflow.example.com/prefix", "https://mlflow.example.com/prefix/")]
    public void TrackingUri_parses_server_addresses_with_a_trailing_slash(string uri, string expected)
    {
        var parsed = TrackingUri.Parse(uri);

        Assert.Equal(TrackingStoreKind.Http, parsed.Kind);
        Assert.Equal(expected, parsed.ServerUri!.AbsoluteUri);
    }

    [Theory]
    [InlineData("file:///tmp/mlruns")]
    [InlineData("databricks")]
    [InlineData("sqlite://relative.db")]
    public void TrackingUri_refuses_unsupported_uris_saying_what_is_supported(string uri)
    {
        var error = Assert.Throws<ArgumentException>(() => TrackingUri.Parse(uri));

        Assert.Contains("sqlite:///", error.Message, StringComparison.Ordinal);
    }
}
