using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking;

/// <summary>PLACEHOLDER for the run pipeline (issue 4): replace this file.</summary>
public sealed class MlflowTracker : IRunTracker, IDisposable
{
    /// <summary>Placeholder.</summary>
    public MlflowTracker(MlflowOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = loggerFactory;
        IsEnabled = false;
    }

    /// <inheritdoc/>
    public bool IsEnabled { get; }

    /// <inheritdoc/>
    public TrackedRunScope StartRun(TrackedRunDefinition definition) => throw new NotImplementedException();

    /// <inheritdoc/>
    public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
