using System;
using System.Threading.Tasks;
using MLflow.Tracking.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MLflow.Tracking.Tests.DependencyInjection;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AmbientTrackerCollection
{
    /// <summary>Tests that replace the process-wide <see cref="MlflowTracking.Tracker"/>.</summary>
    public const string Name = "Ambient MlflowTracking tracker";
}

[Collection(AmbientTrackerCollection.Name)]
public sealed class MlflowTrackingHostedServiceTests : IDisposable
{
    // Leave no stub behind as the process-wide tracker: later tests get a disabled one.
    public void Dispose() => MlflowTracking.SetTracker(new BackgroundRunTracker(new MlflowOptions { Enabled = false }));

    private static IHost BuildHost(StubRunTracker tracker, Action<MlflowOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IRunTracker>(tracker);
        builder.Services.AddMlflowTracking(o =>
        {
            o.TrackingUri = "sqlite:///unused.db";
            configure?.Invoke(o);
        });
        return builder.Build();
    }

    [Fact]
    public async Task Start_makes_the_container_tracker_ambient()
    {
        var tracker = new StubRunTracker();
        using var host = BuildHost(tracker);

        await host.StartAsync();
        try
        {
            Assert.Same(tracker, MlflowTracking.Tracker);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Stop_flushes_the_tracker()
    {
        var tracker = new StubRunTracker();
        using var host = BuildHost(tracker);
        await host.StartAsync();

        await host.StopAsync();

        Assert.Equal(1, tracker.Flushes);
    }

    [Fact]
    public async Task Stop_bounds_a_flush_that_never_ends_by_the_flush_timeout()
    {
        var tracker = new StubRunTracker { BlockFlush = true };
        using var host = BuildHost(tracker, o => o.FlushTimeout = TimeSpan.FromMilliseconds(50));
        await host.StartAsync();

        await host.StopAsync();

        Assert.True(tracker.FlushWasCancelled);
    }

    [Fact]
    public void Hosted_service_is_registered_as_a_lifecycle_service()
    {
        var tracker = new StubRunTracker();
        using var host = BuildHost(tracker);

        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is MlflowTrackingHostedService and IHostedLifecycleService);
    }
}
