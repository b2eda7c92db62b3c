using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking;

/// <summary>
/// Starts runs for tracked calls. <see cref="MlflowTracking.Tracker"/> is the one generated code uses; the
/// default sends everything through a background pipeline, and test fakes record instead.
/// </summary>
public interface IRunTracker
{
    /// <summary>False when tracking is switched off: generated wrappers then only call the body.</summary>
    bool IsEnabled { get; }

    /// <summary>
    /// Starts a run for a call of the method <paramref name="definition"/> describes (a child of
    /// <see cref="ActiveRun.Current"/> when there is one) and makes it current. Never blocks on the store and never
    /// throws because tracking failed.
    /// </summary>
    TrackedRunScope StartRun(TrackedRunDefinition definition);

    /// <summary>Waits until everything queued so far is delivered (or the flush timeout passes).</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);
}
