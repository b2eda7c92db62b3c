using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Testing;
using MLflow.Tracking.TestSupport.Behaviour;

namespace MLflow.Tracking.DynamicProxy.Tests;

/// <summary>
/// The design's promise that both tracking paths produce identical runs: the same calls through the generated
/// wrappers and through the proxy, each recorded by its own <see cref="MlflowFake"/> (the real tracker pipeline),
/// must leave the same runs behind, apart from ids, timestamps and <c>mlflow.source.name</c> (which names the type).
/// </summary>
public sealed class TrackingPathEquivalenceTests
{
    private const string SourceNameTag = "mlflow.source.name";
    private const string ParentRunIdTag = "mlflow.parentRunId";

    [Fact]
    public async Task Generated_and_proxy_paths_record_identical_runs()
    {
        var generated = await RecordAsync(() => new GeneratedBehaviourService());
        var proxied = await RecordAsync(() => TrackingProxy.Create<ITrackedBehaviourService>(new ProxiedBehaviourService()));

        // 19 tracked calls, two of which start a nested run; the untracked call starts none.
        Assert.Equal(21, proxied.Count);
        Assert.StartsWith("run score-run in training: Finished, parent - | params epochs=4, learningRate=0.5 | metrics score=2@0 |", proxied[0], StringComparison.Ordinal);
        Assert.Equal(proxied.Count, generated.Count);
        for (var i = 0; i < proxied.Count; i++)
        {
            // One run at a time, so a difference shows the whole line.
            Assert.Equal(proxied[i], generated[i]);
        }
    }

    [Fact]
    public void Both_paths_name_their_own_type_in_the_source_name_tag()
    {
        var generated = RecordSourceName(() => new GeneratedBehaviourService());
        var proxied = RecordSourceName(() => TrackingProxy.Create<ITrackedBehaviourService>(new ProxiedBehaviourService()));

        Assert.Equal(typeof(GeneratedBehaviourService).FullName + ".Score", generated);
        Assert.Equal(typeof(ProxiedBehaviourService).FullName + ".Score", proxied);
    }

    private static string? RecordSourceName(Func<ITrackedBehaviourService> createService)
    {
        using var mlflow = new MlflowFake();
        createService().Score(1, 1);
        return Assert.Single(mlflow.Runs).Tags.GetValueOrDefault(SourceNameTag);
    }

    /// <summary>Runs the same call sequence against a fresh fake and describes every recorded run, in creation order.</summary>
    private static async Task<IReadOnlyList<string>> RecordAsync(Func<ITrackedBehaviourService> createService)
    {
        using var mlflow = new MlflowFake();
        var service = createService();

        service.Score(0.5, 4);
        service.Score(1e-7, 3);
        service.Configure(new TrainingOptions { BatchSize = 32, Optimizer = null, Dropout = 0.1 });
        service.Configure(null!);
        await service.WaitAsync(Task.CompletedTask);
        await service.TrainAsync(0.8, Task.CompletedTask, CancellationToken.None);
        await service.WaitValueAsync(Task.CompletedTask);
        await service.CountAsync(Task.CompletedTask, 7);
        Assert.Throws<InvalidOperationException>(() => service.Throw("boom"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => service.ThrowAsync("late boom", Task.CompletedTask));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await service.ThrowValueAsync("value boom", Task.CompletedTask));
        using (var cancellation = new CancellationTokenSource())
        {
            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.TrainAsync(0.1, Task.CompletedTask, cancellation.Token));
        }

        service.Pipeline(() => service.Score(1, 2));
        await service.PipelineAsync(async () => (await service.TrainAsync(0.3, Task.CompletedTask, CancellationToken.None)).Accuracy);
        service.SignIn("alice@example.com", "sk-very-secret", null);
        service.CurrentRunName();
        service.Export("m");
        service.Export("");
        await service.ExportAsync([1, 2, 3]);
        service.Untracked(41);

        var runs = mlflow.Runs;
        return runs.Select(run => Describe(run, runs)).ToArray();
    }

    /// <summary>Everything about a run that must not depend on the tracking path, as one comparable line.</summary>
    private static string Describe(RecordedRun run, IReadOnlyList<RecordedRun> all)
    {
        var parent = run.ParentRunId is { } parentId ? all.Single(r => r.RunId == parentId).RunName : "-";
        var parameters = run.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}");
        var metrics = run.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key}={m.Value:R}@{m.Step}"));
        var tags = run.Tags
            .Where(t => t.Key is not SourceNameTag and not ParentRunIdTag)
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => $"{t.Key}={t.Value}");
        return $"run {run.RunName} in {run.ExperimentName}: {run.Status}, parent {parent}"
            + $" | params {string.Join(", ", parameters)}"
            + $" | metrics {string.Join(", ", metrics)}"
            + $" | tags {string.Join(", ", tags)}"
            + $" | artifacts {string.Join(", ", run.Artifacts.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={Convert.ToHexString(a.Value)}"))}";
    }
}
