using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.SystemMetrics;
using MLflow.Tracking.TestSupport;
using MLflow.Tracking.Tests.TestSupport;

namespace MLflow.Tracking.Tests.SystemMetrics;

/// <summary>
/// The system metrics sampler against what MLflow 3.5.1's client logs (databases/python-client-system-metrics.json):
/// its keys, steps 0, 1, 2…, one-decimal values and its environment variables.
/// </summary>
public sealed class SystemMetricsSamplerTests
{
    private static readonly Lazy<JsonElement> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(ReferenceData.Database("python-client-system-metrics.json"))).RootElement.Clone());

    [Fact]
    public async Task Sampling_for_a_few_seconds_logs_MLflow_keys_at_steps_0_1_2_rounded_to_one_decimal()
    {
        var batches = new ConcurrentQueue<IReadOnlyList<Metric>>();
        var callerThread = Environment.CurrentManagedThreadId;
        var sinkThreads = new ConcurrentBag<int>();
        var options = new SystemMetricsOptions { SamplingInterval = TimeSpan.FromMilliseconds(300), SamplesBeforeLogging = 2 };

        var sampler = SystemMetricsSampler.Start(options, (metrics, _) =>
        {
            sinkThreads.Add(Environment.CurrentManagedThreadId);
            batches.Enqueue(metrics);
            return Task.CompletedTask;
        });
        await using (sampler)
        {
            BusyFor(TimeSpan.FromMilliseconds(700));
            await Eventually.UntilAsync(() => batches.Count >= 3);
        }

        var logged = batches.Take(3).ToList();
        Assert.Equal([0L, 1L, 2L], logged.Select(b => b.Select(m => m.Step).Distinct().Single()));
        var expectedKeys = Reference.Value.GetProperty("metric_keys").EnumerateArray().Select(k => k.GetString()!).ToList();
        if (OperatingSystem.IsLinux())
        {
            Assert.All(logged, batch => Assert.Equal(expectedKeys, batch.Select(m => m.Key)));
        }
        else
        {
            Assert.All(logged, batch => Assert.Subset(expectedKeys.ToHashSet(), batch.Select(m => m.Key).ToHashSet()));
        }

        Assert.All(logged.SelectMany(b => b), m =>
        {
            Assert.Equal(Math.Round(m.Value, 1), m.Value);
            Assert.True(m.Value >= 0, $"{m.Key} = {m.Value}");
            if (m.Key.EndsWith("percentage", StringComparison.Ordinal))
            {
                Assert.InRange(m.Value, 0, 100);
            }
        });
        Assert.DoesNotContain(callerThread, sinkThreads);
        Assert.True(logged[1][0].Timestamp >= logged[0][0].Timestamp);
    }

    [Fact]
    public async Task A_failing_sink_is_logged_and_sampling_goes_on()
    {
        var calls = 0;
        var logs = new RecordingLoggerProvider();
        var options = new SystemMetricsOptions { SamplingInterval = TimeSpan.FromMilliseconds(50) };
        var sampler = SystemMetricsSampler.Start(options, (_, _) =>
        {
            Interlocked.Increment(ref calls);
            throw new MlflowNetworkException("server down");
        }, logs.CreateLogger("test"));
        await using (sampler)
        {
            await Eventually.UntilAsync(() => sampler.LoggedSteps >= 3);
        }

        Assert.True(Volatile.Read(ref calls) >= 3);
        Assert.Contains(logs.Entries, e => e.Message.Contains("could not be logged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_gets_its_system_metrics_through_the_client()
    {
        using var temp = new TempDirectory();
        await using var client = new MlflowClient(new MlflowOptions { TrackingUri = "sqlite:///" + temp.File("mlflow.db") });
        var run = await client.Runs.CreateAsync("0", "with-system-metrics");
        var options = new SystemMetricsOptions { SamplingInterval = TimeSpan.FromMilliseconds(100), NodeId = "worker-1" };

        var sampler = SystemMetricsSampler.StartForRun(client, run.Info.RunId, options);
        await using (sampler)
        {
            await Eventually.UntilAsync(() => sampler.LoggedSteps >= 2);
        }

        var history = await client.Runs.GetMetricHistoryAsync(run.Info.RunId, "system/worker-1/disk_usage_percentage");
        Assert.Equal([0L, 1L], history.Take(2).Select(m => m.Step));
        Assert.Contains((await client.Runs.GetAsync(run.Info.RunId)).Data.Metrics, m => m.Key == "system/worker-1/network_receive_megabytes");
    }

    [Fact]
    public void Samples_are_averaged_and_rounded_half_to_even_as_Python_round()
    {
        var samples = new List<Dictionary<string, double>>
        {
            new() { ["cpu_utilization_percentage"] = 63.6, ["disk_usage_percentage"] = 20.24 },
            new() { ["cpu_utilization_percentage"] = 50.6, ["disk_usage_percentage"] = 20.26 },
        };
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

        var metrics = SystemMetricsSampler.Aggregate(samples, "system/", 4, at);

        Assert.Equal([new Metric("system/cpu_utilization_percentage", 57.1, at, 4), new Metric("system/disk_usage_percentage", 20.2, at, 4)], metrics);
        Assert.Equal(0.2, SystemMetricsSampler.Aggregate([new() { ["x"] = 0.25 }], "system/", 0, at)[0].Value);
    }

    [Fact]
    public void MLflow_environment_variables_configure_it_and_bad_values_are_named()
    {
        var variables = new Dictionary<string, string>
        {
            ["MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING"] = "true",
            ["MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL"] = "1.5",
            ["MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING"] = "3",
            ["MLFLOW_SYSTEM_METRICS_NODE_ID"] = "node-7",
        };

        var options = MlflowOptions.FromEnvironment(name => variables.GetValueOrDefault(name)).SystemMetrics;

        Assert.True(options.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.SamplingInterval);
        Assert.Equal(3, options.SamplesBeforeLogging);
        Assert.Equal("system/node-7/", options.KeyPrefix);
        Assert.False(MlflowOptions.FromEnvironment(_ => null).SystemMetrics.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(10), new SystemMetricsOptions().SamplingInterval);
        Assert.Equal("system/", new SystemMetricsOptions().KeyPrefix);

        foreach (var (name, value) in new[] { ("MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING", "maybe"), ("MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL", "0"), ("MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING", "1.5") })
        {
            var error = Assert.Throws<ArgumentException>(() => new SystemMetricsOptions().ApplyEnvironment(n => n == name ? value : null));
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Proc_files_are_read_as_psutil_reads_them()
    {
        const string Stat = "cpu  100 20 30 800 50 5 5 0 10 0\ncpu0 1 2 3 4 5 6 7 8 9 10\nintr 1\n";
        Assert.Equal((160UL, 1010UL), LinuxProcReaders.ParseCpuTimes(Stat));
        Assert.Null(LinuxProcReaders.ParseCpuTimes("intr 1\n"));

        const string Meminfo = "MemTotal:       25000000 kB\nMemFree:        20000000 kB\nMemAvailable:   24150000 kB\nBuffers:          100000 kB\nCached:          3000000 kB\nSReclaimable:     250000 kB\n";
        var (used, percent) = LinuxProcReaders.ParseMemory(Meminfo)!.Value;
        Assert.Equal((25000000 - 20000000 - 100000 - 3000000 - 250000) * 1024.0, used);
        Assert.Equal(3.4, Math.Round(percent, 1));
    }

    private static void BusyFor(TimeSpan time)
    {
        var until = DateTime.UtcNow + time;
        var spin = 0.0;
        while (DateTime.UtcNow < until)
        {
            spin += Math.Sqrt(spin + 1);
        }

        GC.KeepAlive(spin);
    }
}
