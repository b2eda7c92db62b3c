// Shape: an async void Core: its exceptions would escape the run.
using MLflow.Tracking;

namespace Corpus.Generator.AsyncVoidCore;

public partial class Notifier
{
    [TrackedRun]
    public partial void Notify([LogParam] int count); // expect: MLFLOW007, CS8795?

    private async void NotifyCore(int count) => await Task.Yield();
}
