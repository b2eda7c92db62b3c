using System;

namespace MLflow.Tracking.Tests.Client;

/// <summary>MLflow's key, name and size rules, checked client-side with MLflow's messages.</summary>
public sealed class MlflowValidationTests
{
    [Theory]
    [InlineData("loss")]
    [InlineData("train/loss")]
    [InlineData("a-b_c.d e:f")]
    [InlineData("ünïcode")]
    public void ValidateParamKey_accepts_MLflow_key_characters(string key) => MlflowValidation.ValidateParamKey(key);

    [Fact]
    public void ValidateParamKey_accepts_250_characters() => MlflowValidation.ValidateParamKey(new string('k', 250));

    [Fact]
    public void ValidateParamKey_refuses_251_characters_naming_the_rule()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => MlflowValidation.ValidateParamKey(new string('k', 251)));

        Assert.StartsWith("'Param key' exceeds the maximum length of 250 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("251", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateMetricKey_refuses_bad_characters_with_MLflow_message()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => MlflowValidation.ValidateMetricKey("bad key!"));

        Assert.Equal("Invalid value \"bad key!\" for parameter 'name' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).", error.Message);
    }

    [Theory]
    [InlineData("a/../b", "b")]
    [InlineData("/abs", "/abs")]
    [InlineData("./x", "x")]
    [InlineData("..", "..")]
    [InlineData("a//b", "a/b")]
    [InlineData("a/", "a")]
    public void ValidateTagKey_refuses_keys_that_resolve_to_other_names(string key, string resolved)
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => MlflowValidation.ValidateTagKey(key));

        Assert.Contains("must not resolve to other names when treated as such. This name would resolve to '" + resolved + "'", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"" + key + "\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateTagKey_refuses_an_empty_key() =>
        Assert.Throws<MlflowInvalidParameterException>(() => MlflowValidation.ValidateTagKey(""));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void ValidateExperimentName_refuses_a_missing_name(string? name)
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => MlflowValidation.ValidateExperimentName(name));

        Assert.StartsWith("Missing value for required parameter 'name'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateExperimentName_allows_500_and_refuses_501_characters()
    {
        MlflowValidation.ValidateExperimentName(new string('n', 500));
        var error = Assert.Throws<MlflowInvalidParameterException>(() => MlflowValidation.ValidateExperimentName(new string('n', 501)));

        Assert.StartsWith("'name' exceeds the maximum length of 500 characters", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "It must be a positive integer")]
    [InlineData(50_001, "It must be at most 50000")]
    public void ValidateMaxResults_refuses_out_of_range_page_sizes(int maxResults, string rule)
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => MlflowValidation.ValidateMaxResults(maxResults));

        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateExperimentTag_refuses_values_over_5000_characters()
    {
        MlflowValidation.ValidateExperimentTag("k", new string('v', 5000));
        var error = Assert.Throws<MlflowInvalidParameterException>(() => MlflowValidation.ValidateExperimentTag("k", new string('v', 5001)));

        Assert.StartsWith("'value' exceeds the maximum length of 5000 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateId_refuses_a_missing_run_id()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => MlflowValidation.ValidateId(" ", "run_id"));

        Assert.Equal("Missing value for required parameter 'run_id'.", error.Message);
    }

    [Theory]
    [InlineData("a/../b", "b")]
    [InlineData("//a", "//a")]
    [InlineData("///a", "/a")]
    [InlineData("../a", "../a")]
    [InlineData("a/b/..", "a")]
    [InlineData("", ".")]
    public void NormalizePosixPath_matches_Python_posixpath_normpath(string path, string expected) =>
        Assert.Equal(expected, MlflowValidation.NormalizePosixPath(path));
}
