using MLflow.Tracking.Artifacts;

namespace MLflow.Tracking.Tests.Artifacts;

/// <summary>The client-side artifact path rules: what MLflow's server would refuse with "Invalid path" never leaves the client.</summary>
public sealed class ArtifactPathRulesTests
{
    [Theory]
    [InlineData("../escape.txt", "'..' segments")]
    [InlineData("a/../../escape.txt", "'..' segments")]
    [InlineData("..", "'..' segments")]
    [InlineData("/etc/passwd", "not absolute or rooted")]
    [InlineData("/", "not absolute or rooted")]
    [InlineData("C:/Windows/x.txt", "not absolute or rooted")]
    [InlineData("c:x.txt", "not absolute or rooted")]
    [InlineData("a\\..\\b.txt", "backslashes are refused")]
    [InlineData("plots\\loss.csv", "backslashes are refused")]
    [InlineData("a//b.txt", "empty segments")]
    [InlineData("./a.txt", "'.' and empty segments")]
    [InlineData("a\0b", "control characters")]
    public void Refused_paths_name_the_path_and_the_rule(string path, string rule)
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => ArtifactPaths.Normalize(path));

        Assert.Contains("'" + path + "'", error.Message, System.StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("model.json", "model.json")]
    [InlineData("plots/", "plots")]
    [InlineData("a/b/c.txt", "a/b/c.txt")]
    [InlineData("résumé final.txt", "résumé final.txt")]
    [InlineData("..hidden/x..y", "..hidden/x..y")]
    public void Relative_paths_are_kept(string? path, string expected) => Assert.Equal(expected, ArtifactPaths.Normalize(path));

    [Theory]
    [InlineData("résumé final.txt", "r%C3%A9sum%C3%A9%20final.txt")]
    [InlineData("plots/loss.csv", "plots/loss.csv")]
    [InlineData("a?b#c%d/e f", "a%3Fb%23c%25d/e%20f")]
    [InlineData("模型/权重.json", "%E6%A8%A1%E5%9E%8B/%E6%9D%83%E9%87%8D.json")]
    public void Segments_are_percent_encoded_as_UTF8_and_slashes_kept(string path, string expected) => Assert.Equal(expected, ArtifactPaths.Escape(path));

    [Theory]
    [InlineData("mlflow-artifacts:/1/abc/artifacts", "1/abc/artifacts")]
    [InlineData("mlflow-artifacts://host:5000/1/abc/artifacts", "1/abc/artifacts")]
    [InlineData("file:///srv/mlruns/1", null)]
    [InlineData("s3://bucket/1", null)]
    public void Proxy_paths_come_from_mlflow_artifacts_uris_only(string uri, string? expected) => Assert.Equal(expected, ArtifactUris.TryGetProxyPath(uri));

    [Theory]
    [InlineData("mlflow-artifacts:/1/abc/artifacts", null)]
    [InlineData("mlflow-artifacts:///1/abc/artifacts", null)]
    [InlineData("mlflow-artifacts://other-host:5000/1/abc/artifacts", "other-host:5000")]
    [InlineData("mlflow-artifacts://other-host/1/abc", "other-host")]
    [InlineData("mlflow-artifacts://127.0.0.1:5000", "127.0.0.1:5000")]
    [InlineData("mlflow-artifacts://[::1]:5000/1", "[::1]:5000")]
    [InlineData("s3://bucket/1", null)]
    public void The_proxy_authority_names_the_server_to_send_to(string uri, string? expected) => Assert.Equal(expected, ArtifactUris.TryGetProxyAuthority(uri));

    // MLflow's _validate_port_mapped_to_hostname: a lone number is a port without a host, not a host.
    [Theory]
    [InlineData("mlflow-artifacts://5000/1/abc", "port number (5000) but no host")]
    [InlineData("mlflow-artifacts://user:secret@host:5000/1", "user info")]
    [InlineData("mlflow-artifacts://host:port/1", "not a host and port")]
    [InlineData("mlflow-artifacts://host:70000/1", "not a host and port")]
    public void A_proxy_authority_that_is_not_a_host_and_port_is_refused(string uri, string message)
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => ArtifactUris.TryGetProxyAuthority(uri));
        Assert.Contains(message, error.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://bucket/1/abc/artifacts", "s3")]
    [InlineData("gs://bucket/x", "gs")]
    [InlineData("wasbs://c@a.blob.core.windows.net/x", "wasbs")]
    [InlineData("dbfs:/databricks/mlflow", "dbfs")]
    [InlineData("file:///srv/mlruns", "file")]
    [InlineData("/srv/mlruns/1", null)]
    [InlineData("C:\\mlruns\\1", null)]
    [InlineData("relative/mlruns", null)]
    public void Schemes_are_read_without_mistaking_a_drive_for_one(string uri, string? scheme) => Assert.Equal(scheme, ArtifactUris.GetScheme(uri));
}
