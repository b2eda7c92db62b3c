using System;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MLflow.Tracking.Tests.DependencyInjection;

public sealed class MlflowOptionsValidationTests
{
    private static ValidateOptionsResult Validate(Action<MlflowOptions> change)
    {
        var options = new MlflowOptions();
        change(options);
        return new MlflowOptionsValidator().Validate(null, options);
    }

    [Fact]
    public void Default_options_are_valid()
    {
        Assert.True(new MlflowOptionsValidator().Validate(null, new MlflowOptions()).Succeeded);
    }

    [Fact]
    public void Unsupported_tracking_uri_names_the_setting_and_the_supported_forms()
    {
        var result = Validate(o => o.TrackingUri = "ftp://example.com/runs");

        Assert.True(result.Failed);
        var message = Assert.Single(result.Failures!);
        Assert.StartsWith("MLflow:TrackingUri is invalid.", message, StringComparison.Ordinal);
        Assert.Contains("sqlite:///mlflow.db", message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_retries_are_refused()
    {
        var result = Validate(o => o.MaxRetries = -1);

        Assert.Equal("MLflow:MaxRetries must be 0 or more, but is -1.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Zero_request_timeout_is_refused()
    {
        var result = Validate(o => o.RequestTimeout = TimeSpan.Zero);

        Assert.Equal("MLflow:RequestTimeout must be positive, but is 00:00:00.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Negative_flush_timeout_and_backoff_are_each_reported()
    {
        var result = Validate(o =>
        {
            o.FlushTimeout = TimeSpan.FromSeconds(-1);
            o.BackoffFactor = -2;
            o.MaxQueueLength = 0;
        });

        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("MLflow:FlushTimeout", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("MLflow:BackoffFactor", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("MLflow:MaxQueueLength", StringComparison.Ordinal));
    }

    [Fact]
    public void Delivery_concurrency_below_one_is_reported_with_its_value()
    {
        var result = Validate(o => o.DeliveryConcurrency = 0);

        Assert.Equal("MLflow:DeliveryConcurrency must be at least 1, but is 0.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Username_without_password_is_refused_without_echoing_credentials()
    {
        var result = Validate(o => o.Username = "alice-secret-user");

        var message = Assert.Single(result.Failures!);
        Assert.Contains("Username and MLflow:Password must be set together", message, StringComparison.Ordinal);
        Assert.DoesNotContain("alice-secret-user", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_server_certificate_file_is_refused()
    {
        var missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), Guid.NewGuid().ToString("N"), "ca.pem");

        var result = Validate(o => o.ServerCertPath = missing);

        Assert.Contains(missing, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_start_fails_with_the_specific_message()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IRunTracker>(new StubRunTracker());
        builder.Services.AddMlflowTracking(o => o.MaxRetries = -5);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MLflow:MaxRetries must be 0 or more, but is -5.", error.Failures);
    }
}
