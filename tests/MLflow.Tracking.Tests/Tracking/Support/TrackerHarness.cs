using System;
using System.Threading.Tasks;

namespace MLflow.Tracking.Tests.Tracking.Support;

/// <summary>A background tracker over a <see cref="ScriptedStore"/>, with the generated wrapper's call shape.</summary>
internal sealed class TrackerHarness : IAsyncDisposable
{
    public TrackerHarness(Action<MlflowOptions>? configure = null)
    {
        var options = new MlflowOptions { BatchInterval = TimeSpan.FromMilliseconds(20), FlushTimeout = TimeSpan.FromSeconds(30) };
        configure?.Invoke(options);
        Client = new MlflowClient(Store);
        Tracker = new BackgroundRunTracker(Client, options, Logs);
    }

    public ScriptedStore Store { get; } = new();

    public CapturingLoggerFactory Logs { get; } = new();

    public MlflowClient Client { get; }

    public BackgroundRunTracker Tracker { get; }

    public static TrackedRunDefinition Definition(string runName = "train", string? experiment = "training", params Tag[] tags) =>
        new(experiment, runName, "MyApp.Trainer." + runName, tags);

    /// <summary>What generated code does around a body: start, body, complete or fail, dispose.</summary>
    public T Track<T>(TrackedRunDefinition definition, Func<TrackedRunScope, T> body)
    {
        var run = Tracker.StartRun(definition);
        try
        {
            var result = body(run);
            run.Complete();
            return result;
        }
        catch (Exception ex) when (run.Fail(ex))
        {
            throw;
        }
        finally
        {
            run.Dispose();
        }
    }

    /// <summary>The async shape of generated code.</summary>
    public async Task<T> TrackAsync<T>(TrackedRunDefinition definition, Func<TrackedRunScope, Task<T>> body)
    {
        var run = Tracker.StartRun(definition);
        try
        {
            var result = await body(run);
            run.Complete();
            return result;
        }
        catch (Exception ex) when (run.Fail(ex))
        {
            throw;
        }
        finally
        {
            run.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Tracker.DisposeAsync();
        await Client.DisposeAsync();
    }
}
