namespace MLflow.Tracking.Analyzers.Tests;

public class NameSplitterTests
{
    [Theory]
    [InlineData("apiKey", "api key")]
    [InlineData("APIKey", "api key")]
    [InlineData("API_KEY", "api key")]
    [InlineData("api-key", "api key")]
    [InlineData("db.connectionString", "db connection string")]
    [InlineData("password2", "password 2")]
    [InlineData("layer12Dropout", "layer 12 dropout")]
    [InlineData("HTTPServerURL", "http server url")]
    [InlineData("__x__", "x")]
    [InlineData("", "")]
    public void Split_gives_lower_case_whole_words(string name, string expected) =>
        Assert.Equal(expected, string.Join(" ", NameSplitter.Split(name)));
}
