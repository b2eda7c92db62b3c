// Shape: an async method returning Task, with no logged value at all.
using MLflow.Tracking;

namespace Corpus.Clean.PlainTask;

public partial class Indexer
{
    [TrackedRun]
    public partial Task RebuildAsync();

    private async Task RebuildAsyncCore() => await Task.Yield();
}
