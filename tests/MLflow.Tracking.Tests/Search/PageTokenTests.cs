using MLflow.Tracking.Search;

namespace MLflow.Tracking.Tests.Search;

public sealed class PageTokenTests
{
    [Fact]
    public void Encode_writes_the_token_MLflow_writes()
    {
        Assert.Equal("eyJvZmZzZXQiOiAyfQ==", PageToken.Encode(2));
        Assert.Equal("eyJvZmZzZXQiOiAwfQ==", PageToken.Encode(0));
    }

    [Fact]
    public void Decode_reads_MLflows_tokens()
    {
        Assert.Equal(4, PageToken.Decode("eyJvZmZzZXQiOiA0fQ=="));
    }

    [Fact]
    public void Decode_of_nothing_is_the_first_page()
    {
        Assert.Equal(0, PageToken.Decode(null));
    }

    [Fact]
    public void Decode_of_garbage_throws_MLflows_message()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => PageToken.Decode("not-a-token"));

        Assert.Equal("Invalid page token, could not base64-decode", error.Message);
    }

    [Fact]
    public void Decode_of_json_without_offset_throws_with_the_parsed_value()
    {
        var token = System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{\"page\": 1}"));

        var error = Assert.Throws<MlflowInvalidParameterException>(() => PageToken.Decode(token));

        Assert.Equal("Invalid page token, parsed value={\"page\": 1}", error.Message);
    }
}
