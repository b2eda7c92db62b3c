using MLflow.Tracking.Logging;

namespace MLflow.Tracking.Tests.Logging;

public sealed class UriCredentialsTests
{
    [Theory]
    [InlineData("http://alice:s3cret@host:5000/", "http://***@host:5000/")]
    [InlineData("htp://alice@host", "htp://***@host")]
    [InlineData("see https://u:p@a.example/x and http://v:q@b.example/", "see https://***@a.example/x and http://***@b.example/")]
    [InlineData("http://host:5000/path@v2", "http://host:5000/path@v2")]
    [InlineData("http://host/?user=a@b", "http://host/?user=a@b")]
    [InlineData("mail alice@example.com", "mail alice@example.com")]
    [InlineData("sqlite:///mlflow.db", "sqlite:///mlflow.db")]
    public void Only_the_user_info_of_a_uri_is_replaced(string text, string expected) =>
        Assert.Equal(expected, UriCredentials.Redact(text));
}
