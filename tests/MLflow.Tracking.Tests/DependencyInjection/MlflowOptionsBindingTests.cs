using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MLflow.Tracking.Tests.DependencyInjection;

public sealed class MlflowOptionsBindingTests
{
    private static IConfigurationRoot Configuration(params (string Key, string Value)[] values)
    {
        var data = new Dictionary<string, string?>();
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(data).Build();
    }

    private static MlflowOptions Resolve(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<MlflowOptions>>().Value;
    }

    [Fact]
    public void Configuration_root_binds_the_MLflow_section()
    {
        var configuration = Configuration(
            ("MLflow:TrackingUri", "http://mlflow.internal:5000"),
            ("MLflow:MaxRetries", "3"),
            ("MLflow:RequestTimeout", "00:00:30"),
            ("MLflow:ExperimentName", "training"),
            ("MLflow:Enabled", "false"));

        var options = Resolve(new ServiceCollection().AddMlflowTracking(configuration));

        Assert.Equal("http://mlflow.internal:5000", options.TrackingUri);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
        Assert.Equal("training", options.ExperimentName);
        Assert.False(options.Enabled);
    }

    [Fact]
    public void Section_itself_binds_too()
    {
        var configuration = Configuration(("Tracking:MLflow:TrackingUri", "sqlite:///runs.db"), ("Tracking:MLflow:FlushTimeout", "00:00:02"));

        var options = Resolve(new ServiceCollection().AddMlflowTracking(configuration.GetSection("Tracking:MLflow")));

        Assert.Equal("sqlite:///runs.db", options.TrackingUri);
        Assert.Equal(TimeSpan.FromSeconds(2), options.FlushTimeout);
    }

    [Fact]
    public void Unset_values_keep_their_defaults()
    {
        var options = Resolve(new ServiceCollection().AddMlflowTracking(Configuration(("MLflow:ExperimentName", "x"))));

        Assert.Equal(7, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(120), options.RequestTimeout);
        Assert.True(options.Enabled);
    }

    [Fact]
    public void Parameterless_overload_reads_the_container_configuration_then_MLFLOW_variables_which_win()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Configuration(("MLflow:TrackingUri", "sqlite:///from-config.db"), ("MLflow:ExperimentName", "from-config")));
        var environment = new Dictionary<string, string>
        {
            ["MLFLOW_TRACKING_URI"] = "http://from-env:5000",
            ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "2",
        };

        var options = Resolve(services.AddMlflowTracking(name => environment.GetValueOrDefault(name)));

        Assert.Equal("http://from-env:5000", options.TrackingUri);
        Assert.Equal(2, options.MaxRetries);
        Assert.Equal("from-config", options.ExperimentName);
    }

    [Fact]
    public void Parameterless_overload_works_without_any_configuration_in_the_container()
    {
        var options = Resolve(new ServiceCollection().AddMlflowTracking(name => name == "MLFLOW_EXPERIMENT_NAME" ? "env-only" : null));

        Assert.Equal("env-only", options.ExperimentName);
        Assert.Null(options.TrackingUri);
    }

    [Fact]
    public void Action_overload_applies_the_delegate()
    {
        var options = Resolve(new ServiceCollection().AddMlflowTracking(o =>
        {
            o.TrackingUri = "sqlite:////tmp/abs.db";
            o.BatchInterval = TimeSpan.FromMilliseconds(50);
        }));

        Assert.Equal("sqlite:////tmp/abs.db", options.TrackingUri);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.BatchInterval);
    }

    [Fact]
    public void Calling_AddMlflowTracking_twice_registers_the_services_once()
    {
        var services = new ServiceCollection().AddMlflowTracking(o => o.ExperimentName = "a").AddMlflowTracking(o => o.MaxRetries = 1);

        Assert.Single(services, d => d.ServiceType == typeof(IRunTracker));
        Assert.Single(services, d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService));
        var options = Resolve(services);
        Assert.Equal("a", options.ExperimentName);
        Assert.Equal(1, options.MaxRetries);
    }

    [Fact]
    public void Named_MLflow_http_client_is_registered()
    {
        using var provider = new ServiceCollection().AddMlflowTracking(o => o.TrackingUri = "http://localhost:5000").BuildServiceProvider();

        using var client = provider.GetRequiredService<System.Net.Http.IHttpClientFactory>().CreateClient("MLflow");

        Assert.Equal(System.Threading.Timeout.InfiniteTimeSpan, client.Timeout);
    }
}
