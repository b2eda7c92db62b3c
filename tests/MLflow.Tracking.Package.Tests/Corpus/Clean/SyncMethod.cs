// Shape: a synchronous tracked method with a numeric return metric.
using MLflow.Tracking;

namespace Corpus.Clean.SyncMethod;

public partial class Calculator
{
    [TrackedRun(Experiment = "corpus")]
    [return: LogMetric("sum")]
    public partial int Add([LogParam] int a, [LogParam] int b);

    private int AddCore(int a, int b) => a + b;
}
