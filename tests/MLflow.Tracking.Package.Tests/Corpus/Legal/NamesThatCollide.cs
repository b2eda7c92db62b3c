// Shape: a param named like the Core, and a type named 'var' in scope: generated code must bind to the user's Core (issue 11).
using MLflow.Tracking;

namespace Corpus.Legal.NamesThatCollide;

#pragma warning disable CS8981 // a lower-case type name is the point of this shape
public sealed class var
{
}
#pragma warning restore CS8981

public partial class Runner
{
    [TrackedRun]
    [return: LogMetric("result")]
    public partial int Run([LogParam] int seed, Func<int, int> RunCore);

    private int RunCore(int seed, Func<int, int> runCore) => runCore(seed);
}
