using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MLflow.Tracking.Tests.Tracking.Support;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Reliability;

/// <summary>
/// A tracker built by <c>AddMlflowTracking</c> recovers like one built by hand: background delivery does not sit in
/// the user's HTTP retry backoff (its pipeline owns retries and probes the store), while the registered
/// <see cref="MlflowClient"/> keeps MLflow's retry policy for the user's own calls.
/// </summary>
public sealed class DependencyInjectionRecoveryTests
{
    // MLflow's backoff is BackoffFactor × 2^attempt after an immediate first retry: the second retry would wait 120 s
    // (the cap). Recovery within the bounded wait below can only come from the pipeline's own probe.
    private const double LargeBackoffFactor = 60;

    [Fact]
    public async Task A_container_built_tracker_resumes_delivery_after_an_outage_without_sleeping_out_the_users_backoff()
    {
        await using var server = await LoopbackMlflowServer.StartAsync();
        using var spool = new TempSpool();
        server.Faults = ReliabilityRig.Reset; // down: every connection is dropped
        var services = new ServiceCollection();
        services.AddMlflowTracking(o =>
        {
            o.TrackingUri = server.BaseUri.AbsoluteUri;
            o.SpoolDirectory = spool.Root;
            o.MaxRetries = 5;
            o.BackoffFactor = LargeBackoffFactor;
            o.BackoffJitter = 0;
            o.RequestTimeout = TimeSpan.FromSeconds(5);
            o.BatchInterval = TimeSpan.FromMilliseconds(20);
            o.FlushTimeout = TimeSpan.FromSeconds(30); // no flush runs before the assertion: this is about recovery alone
        });
        await using var provider = services.BuildServiceProvider();
        var tracker = provider.GetRequiredService<BackgroundRunTracker>();

        var run = tracker.StartRun(new TrackedRunDefinition(ReliabilityRig.Experiment, "after-outage", "Reliability.DependencyInjection"));
        run.LogMetric("value", 1);
        run.Complete();
        run.Dispose();
        await Eventually.UntilAsync(() => tracker.Statistics.DeliveryFailures >= 1);
        Assert.True(tracker.Statistics.DeliveryFailures >= 1, "delivery never tried the down server");
        Assert.Equal(0, server.ServedCount);

        server.Faults = null; // up again
        var resumeBound = TimeSpan.FromSeconds(LargeBackoffFactor / 3); // far inside the user's first backoff step (120 s)
        await Eventually.UntilAsync(() => tracker.Statistics.OperationsDelivered >= 3, resumeBound);

        var statistics = tracker.Statistics;
        Assert.True(statistics.OperationsDelivered >= 3, $"delivery did not resume within {resumeBound.TotalSeconds} s of the server coming back: {statistics}");
        var experiment = await server.Store.GetExperimentByNameAsync(ReliabilityRig.Experiment, CancellationToken.None);
        var runs = await server.Store.SearchRunsAsync(new RunSearchRequest { ExperimentIds = [experiment.ExperimentId], ViewType = ViewType.All }, CancellationToken.None);
        var delivered = Assert.Single(runs.Items);
        Assert.Equal(RunStatus.Finished, delivered.Info.Status);
        Assert.Equal(1, Assert.Single(delivered.Data.Metrics).Value);
    }

    [Fact]
    public async Task The_registered_client_keeps_MLflows_retry_policy_for_direct_calls()
    {
        await using var server = await LoopbackMlflowServer.StartAsync();
        var failures = 1;
        server.Faults = (request, context) => Interlocked.Decrement(ref failures) >= 0
            ? ReliabilityRig.Respond(context, StatusCodes.Status503ServiceUnavailable, "text/plain", "Service Unavailable")
            : Task.FromResult(false);
        var services = new ServiceCollection();
        services.AddMlflowTracking(o =>
        {
            o.TrackingUri = server.BaseUri.AbsoluteUri;
            o.MaxRetries = 2;
            o.BackoffFactor = LargeBackoffFactor; // the first retry is immediate (urllib3), so this call does not wait
            o.BackoffJitter = 0;
        });
        await using var provider = services.BuildServiceProvider();

        var experimentId = await provider.GetRequiredService<MlflowClient>().Experiments.CreateAsync("direct-call");

        Assert.False(string.IsNullOrEmpty(experimentId));
        Assert.Equal(2, server.RequestCount); // the 503 was retried by the HTTP policy, not surfaced to the caller
        Assert.Equal(1, server.ServedCount);
    }
}
