using MLflow.Tracking.Pipeline;

namespace MLflow.Tracking.Tests.Tracking;

public sealed class SystemTagsTests
{
    [Theory]
    [InlineData("1.2.3+abc1234", "abc1234")]
    [InlineData("1.0.0+0123456789abcdef0123456789abcdef01234567", "0123456789abcdef0123456789abcdef01234567")]
    public void Informational_version_with_a_sha_suffix_gives_the_commit(string version, string commit) =>
        Assert.Equal(commit, SystemTags.ParseCommit(version));

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3+local")]
    [InlineData("1.2.3+ab")]
    [InlineData(null)]
    public void Informational_version_without_a_sha_gives_no_commit(string? version) =>
        Assert.Null(SystemTags.ParseCommit(version));
}
