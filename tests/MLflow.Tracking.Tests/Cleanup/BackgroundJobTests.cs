using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MLflow.Tracking.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MLflow.Tracking.Tests.Cleanup;

/// <summary>The pattern of docs/background-jobs.md: a queue of jobs, each one a tracked run.</summary>
public sealed class BackgroundJobTests
{
    public sealed record TrainModelJob(string Dataset, double LearningRate, bool Fail = false);

    /// <summary>A queue the API writes to and the worker reads from.</summary>
    public sealed class TrainingQueue
    {
        private readonly Channel<TrainModelJob> _channel = Channel.CreateUnbounded<TrainModelJob>();

        public ValueTask EnqueueAsync(TrainModelJob job) => _channel.Writer.WriteAsync(job);

        public void Complete() => _channel.Writer.Complete();

        public IAsyncEnumerable<TrainModelJob> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
    }

    /// <summary>Runs each job as its own run; a failed job is FAILED and the worker goes on.</summary>
    public sealed class TrainingWorker(TrainingQueue queue, IRunTracker tracker) : BackgroundService
    {
        private static readonly TrackedRunDefinition Definition =
            new("training", "train-model", typeof(TrainingWorker).FullName + ".Train", [new Tag("job.kind", "train")]);

        public int Processed;

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await foreach (var job in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await TrainAsync(job, stoppingToken);
                }
                catch (Exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // Already recorded as a FAILED run; one bad job must not stop the worker.
                }

                Interlocked.Increment(ref Processed);
            }
        }

        private async Task TrainAsync(TrainModelJob job, CancellationToken cancellationToken)
        {
            using var run = tracker.StartRun(Definition);
            try
            {
                run.LogParam("dataset", job.Dataset);
                run.LogParam("learning_rate", job.LearningRate);
                for (var epoch = 0; epoch < 3; epoch++)
                {
                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                    run.LogMetric("loss", 1.0 / (epoch + 1), step: epoch);
                }

                if (job.Fail)
                {
                    throw new InvalidOperationException("dataset is empty");
                }

                run.Complete();
            }
            catch (Exception e) when (run.Fail(e))
            {
            }
        }
    }

    [Fact]
    public async Task Each_job_is_a_run_and_a_failing_job_is_FAILED()
    {
        using var fake = new MlflowFake();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var queue = new TrainingQueue();
        builder.Services.AddSingleton(queue);
        builder.Services.AddSingleton<IRunTracker>(fake.Tracker);
        builder.Services.AddSingleton<TrainingWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TrainingWorker>());
        using var host = builder.Build();
        await host.StartAsync();

        await queue.EnqueueAsync(new TrainModelJob("cifar10", 0.01));
        await queue.EnqueueAsync(new TrainModelJob("empty", 0.1, Fail: true));
        queue.Complete();
        var worker = host.Services.GetRequiredService<TrainingWorker>();
        await worker.ExecuteTask!;   // the queue is complete: the worker ends after the last job
        await host.StopAsync();
        await fake.Tracker.FlushAsync();

        Assert.Equal(2, worker.Processed);
        var runs = fake.Runs;
        Assert.Equal(2, runs.Count);
        Assert.Contains(runs, r => r.Params["dataset"] == "cifar10" && r.Status == RunStatus.Finished);
        Assert.Contains(runs, r => r.Params["dataset"] == "empty" && r.Status == RunStatus.Failed && r.Tags["error.message"] == "dataset is empty");
    }
}
