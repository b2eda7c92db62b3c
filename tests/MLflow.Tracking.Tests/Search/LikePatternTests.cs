using MLflow.Tracking.Search;

namespace MLflow.Tracking.Tests.Search;

public sealed class LikePatternTests
{
    [Theory]
    [InlineData("train-1", "train%", true)]
    [InlineData("train-1", "Train%", false)]
    [InlineData("a.b", "a_b", true)]
    [InlineData("a.b", "a.b", true)]
    [InlineData("axb", "a.b", false)]
    [InlineData("50%", "50%", true)]
    [InlineData("x*y", "x*y", true)]
    [InlineData("xzy", "x*y", false)]
    public void LIKE_matches_case_sensitively_with_percent_and_underscore(string value, string pattern, bool expected)
    {
        Assert.Equal(expected, LikePattern.IsMatch(value, pattern, ignoreCase: false));
    }

    [Theory]
    [InlineData("Train-1", "train%", true)]
    [InlineData("ÉCOLE", "école", false)]
    public void ILIKE_folds_ASCII_case_only_as_SQLite_does(string value, string pattern, bool expected)
    {
        Assert.Equal(expected, LikePattern.IsMatch(value, pattern, ignoreCase: true));
    }

    [Theory]
    [InlineData("a%b_c", "a*b?c")]
    [InlineData("x*y?z[w]", "x[*]y[?]z[[]w]")]
    public void ToGlob_turns_LIKE_wildcards_into_GLOB_and_escapes_GLOB_specials(string like, string glob)
    {
        Assert.Equal(glob, LikePattern.ToGlob(like));
    }
}
