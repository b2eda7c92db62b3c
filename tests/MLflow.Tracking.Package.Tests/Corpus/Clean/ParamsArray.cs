// Shape: a params array (not logged) beside a logged scalar.
using MLflow.Tracking;

namespace Corpus.Clean.ParamsArray;

public partial class Summer
{
    [TrackedRun]
    [return: LogMetric("total")]
    public partial int Sum([LogParam] int seed, params int[] values);

    private int SumCore(int seed, params int[] values) => seed + values.Sum();
}
