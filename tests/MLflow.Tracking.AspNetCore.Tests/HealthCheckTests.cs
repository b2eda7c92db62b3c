using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Stores;
using MLflow.Tracking.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MLflow.Tracking.AspNetCore.Tests;

public sealed class HealthCheckTests
{
    private static async Task<HealthReportEntry> CheckAsync(MlflowStore store, Action<MlflowHealthCheckOptions>? configure = null, TimeSpan? timeout = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(store);
        services.AddHealthChecks().AddMlflow(timeout: timeout, configure: configure);
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries["mlflow"];
    }

    [Fact]
    public async Task Answering_store_is_healthy_with_its_description_and_version()
    {
        var entry = await CheckAsync(new InMemoryMlflowStore());

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains("in-memory MLflow store", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_server_is_unhealthy_with_the_error()
    {
        var entry = await CheckAsync(new ClosedPortStore());

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("MLflow at http://127.0.0.1:", entry.Description, StringComparison.Ordinal);
        Assert.Contains("unreachable", entry.Description, StringComparison.Ordinal);
        Assert.Null(entry.Exception);
    }

    [Fact]
    public async Task Store_slower_than_the_threshold_is_degraded()
    {
        var store = new GatedStore { GatePing = true };
        var check = CheckAsync(store, o => o.DegradedThreshold = TimeSpan.FromMilliseconds(1), timeout: TimeSpan.FromSeconds(30));

        // The gate opens only once the ping is waiting on it, so the answer always takes longer than the threshold
        // however slowly the check itself gets going on a loaded machine.
        await store.PingEntered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(50);
        store.Gate.TrySetResult();
        var entry = await check;

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("answered slowly", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_that_does_not_answer_within_the_timeout_is_unhealthy()
    {
        var store = new GatedStore { GatePing = true };

        var entry = await CheckAsync(store, timeout: TimeSpan.FromMilliseconds(50));

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("did not answer within 50 ms", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failure_status_is_configurable()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<MlflowStore>(new ClosedPortStore());
        services.AddHealthChecks().AddMlflow(failureStatus: HealthStatus.Degraded, tags: ["ready"]);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Degraded, report.Entries["mlflow"].Status);
        Assert.Equal(new[] { "ready" }, report.Entries["mlflow"].Tags.ToArray());
    }

    /// <summary>A store that pings a loopback port nobody listens on, as a REST store of a stopped server does.</summary>
    private sealed class ClosedPortStore : MlflowStore
    {
        private readonly int _port = FindClosedPort();

        public override string Description => $"http://127.0.0.1:{_port}/";

        public override async Task<string> PingAsync(CancellationToken cancellationToken)
        {
            using var http = new HttpClient();
            try
            {
                return await http.GetStringAsync(new Uri($"http://127.0.0.1:{_port}/version"), cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new MlflowNetworkException($"Cannot reach MLflow at {Description}: {e.Message}", e);
            }
        }

        protected override ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;

        private static int FindClosedPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        public override Task<string> CreateExperimentAsync(string name, string? artifactLocation, System.Collections.Generic.IReadOnlyList<Tag> tags, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Experiment> GetExperimentByNameAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Page<Experiment>> SearchExperimentsAsync(ExperimentSearchRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task UpdateExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task DeleteExperimentAsync(string experimentId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task RestoreExperimentAsync(string experimentId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task SetExperimentTagAsync(string experimentId, string key, string value, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Run> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<RunInfo> UpdateRunAsync(string runId, RunStatus? status, DateTimeOffset? endTime, string? runName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task DeleteRunAsync(string runId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task RestoreRunAsync(string runId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task LogMetricAsync(string runId, Metric metric, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task LogParamAsync(string runId, Param param, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task SetTagAsync(string runId, Tag tag, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task LogBatchAsync(string runId, System.Collections.Generic.IReadOnlyList<Metric> metrics, System.Collections.Generic.IReadOnlyList<Param> parameters, System.Collections.Generic.IReadOnlyList<Tag> tags, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Page<Run>> SearchRunsAsync(RunSearchRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Page<Metric>> GetMetricHistoryAsync(string runId, string metricKey, int maxResults, string? pageToken, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
