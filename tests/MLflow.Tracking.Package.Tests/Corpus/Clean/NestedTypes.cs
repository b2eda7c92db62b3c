// Shape: a tracked method inside partial types nested two deep.
using MLflow.Tracking;

namespace Corpus.Clean.NestedTypes;

public partial class Outer
{
    public partial class Middle
    {
        internal partial class Inner
        {
            [TrackedRun]
            public partial double Run([LogParam] double rate);

            private double RunCore(double rate) => rate * 2;
        }
    }
}
