// Shape: a synchronous tracked method with ref, out and in parameters.
using MLflow.Tracking;

namespace Corpus.Clean.RefOutIn;

public partial class Counter
{
    [TrackedRun]
    public partial bool Step(ref int total, out int previous, [LogParam] in double weight);

    private bool StepCore(ref int total, out int previous, in double weight)
    {
        previous = total;
        total += (int)weight;
        return true;
    }
}
