using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// Experiment ids by name, resolved once per tracker: concurrent delivery lanes asking for the same name share one
/// lookup (the first asks <c>get-by-name</c>/create; the others await its answer). A failed lookup is forgotten so that
/// the next delivery asks again.
/// </summary>
internal sealed class ExperimentCache
{
    private readonly ConcurrentDictionary<string, Task<string>> _ids = new(StringComparer.Ordinal);

    public Task<string> ResolveAsync(MlflowClient client, string name, CancellationToken cancellationToken)
    {
        if (_ids.TryGetValue(name, out var known) && !known.IsFaulted && !known.IsCanceled)
        {
            return known;
        }

        var lookup = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var winner = _ids.AddOrUpdate(name, lookup.Task, (_, existing) => existing.IsFaulted || existing.IsCanceled ? lookup.Task : existing);
        if (!ReferenceEquals(winner, lookup.Task))
        {
            return winner;
        }

        _ = LookUpAsync(client, name, lookup, cancellationToken);
        return lookup.Task;
    }

    private async Task LookUpAsync(MlflowClient client, string name, TaskCompletionSource<string> lookup, CancellationToken cancellationToken)
    {
        try
        {
            var experiment = await client.Experiments.GetOrCreateAsync(name, cancellationToken).ConfigureAwait(false);
            lookup.TrySetResult(experiment.ExperimentId);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _ids.TryRemove(new(name, lookup.Task));
            lookup.TrySetException(ex);
        }
    }
}
