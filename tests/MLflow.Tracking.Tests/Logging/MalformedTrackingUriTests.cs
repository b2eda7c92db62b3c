using System;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.DependencyInjection;
using MLflow.Tracking.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MLflow.Tracking.Tests.Logging;

public sealed class MalformedTrackingUriTests
{
    [Theory]
    [InlineData("htp://alice:s3cret@mlflow.example:5000", "htp://***@mlflow.example:5000")]
    [InlineData("sqlite:/x", "sqlite:/x")]
    [InlineData("garbage", "garbage")]
    [InlineData("file:///tmp/mlruns", "file:///tmp/mlruns")]
    public void A_client_refuses_it_naming_the_uri_without_credentials_and_the_accepted_forms(string uri, string shown)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new MlflowClient(new MlflowOptions { TrackingUri = uri }));

        Assert.Contains($"'{shown}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("sqlite:///", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dependency_injection_refuses_it_when_the_options_are_read()
    {
        var services = new ServiceCollection();
        services.AddMlflowTracking(o => o.TrackingUri = "htp://alice:s3cret@mlflow.example:5000");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<MlflowClient>());

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("MLflow:TrackingUri is invalid. Tracking URI 'htp://***@mlflow.example:5000' is not supported.", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ambient_kind_of_tracker_disables_itself_and_logs_one_error_naming_the_uri()
    {
        var logs = new RecordingLoggerProvider();
        await using var tracker = new BackgroundRunTracker(new MlflowOptions { TrackingUri = "htp://alice:s3cret@mlflow.example:5000" }, logs);

        Assert.False(tracker.IsEnabled);
        Assert.Contains("htp://***@mlflow.example:5000", tracker.DisabledReason, StringComparison.Ordinal);
        var error = Assert.Single(logs.Entries, entry => entry.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains("htp://***@mlflow.example:5000", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, entry => entry.Message.Contains("s3cret", StringComparison.Ordinal));
    }

    [Fact]
    public void A_server_uri_prints_without_its_credentials()
    {
        Assert.Equal("http://mlflow.example:5000/", TrackingUri.Parse("http://alice:s3cret@mlflow.example:5000").ToString());
    }
}
