using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Testing;

/// <summary>
/// An MLflow that lives in the test: an <see cref="InMemoryMlflowStore"/>, a client over it and a synchronous
/// <see cref="BackgroundRunTracker"/> installed for the current async flow only, so tracked methods called by the test
/// record here (and parallel tests do not see each other). Everything is delivered before a tracked call returns,
/// so assertions need no flush.
/// </summary>
/// <example>
/// <code>
/// using var mlflow = new MlflowFake();
/// trainer.Train(learningRate: 0.01, epochs: 3);
/// mlflow.AssertRunTerminated(RunStatus.Finished);
/// mlflow.AssertParamLogged("learningRate", "0.01");
/// mlflow.AssertMetricLogged("Accuracy");
/// </code>
/// </example>
public sealed partial class MlflowFake : IDisposable
{
    private readonly IDisposable _installation;
    private bool _disposed;

    /// <summary>A fake with default options (experiment <c>Default</c> for runs that name none).</summary>
    public MlflowFake()
        : this(null)
    {
    }

    /// <summary>A fake with <paramref name="options"/> (experiment defaults, <c>RunId</c>); delivery is always synchronous.</summary>
    /// <param name="options">Tracking options; the tracking URI is ignored.</param>
    /// <param name="loggerFactory">Receives the tracker's warnings; none when null.</param>
    public MlflowFake(MlflowOptions? options, ILoggerFactory? loggerFactory = null)
    {
        var trackerOptions = options?.Clone() ?? new MlflowOptions();
        trackerOptions.Synchronous = true;
        Store = new InMemoryMlflowStore();
        Client = new MlflowClient(Store, loggerFactory);
        Tracker = new BackgroundRunTracker(Client, trackerOptions, loggerFactory);
        _installation = MlflowTracking.UseTracker(Tracker);
    }

    /// <summary>The store everything is recorded in.</summary>
    public InMemoryMlflowStore Store { get; }

    /// <summary>A client over <see cref="Store"/>, for code under test that uses <see cref="MlflowClient"/> directly.</summary>
    public MlflowClient Client { get; }

    /// <summary>The tracker tracked methods use while the fake is installed.</summary>
    public BackgroundRunTracker Tracker { get; }

    /// <summary>Every recorded run, in creation order, with all metric points.</summary>
    public IReadOnlyList<RecordedRun> Runs => Store.Runs;

    /// <summary>Every experiment, including <c>Default</c> (id <c>0</c>).</summary>
    public IReadOnlyList<Experiment> Experiments => Store.Experiments;

    /// <summary>Uninstalls the tracker from the async flow and releases it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _installation.Dispose();
        Tracker.Dispose();
        Client.Dispose();
    }
}
