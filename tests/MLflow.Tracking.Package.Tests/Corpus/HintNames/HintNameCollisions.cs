// Shape: Box<T> and Box_1 each with a tracked M, and overloads M(int)/M(double) beside a separate M_0 (issue 11: CS8785).
using MLflow.Tracking;

namespace Corpus.HintNames.Collisions;

public partial class Box<T>
{
    [TrackedRun]
    public partial int M([LogParam] int value);

    private int MCore(int value) => value;
}

public partial class Box_1
{
    [TrackedRun]
    public partial int M([LogParam] int value);

    [TrackedRun]
    public partial double M([LogParam] double value);

    [TrackedRun]
    public partial int M_0([LogParam] int value);

    private int MCore(int value) => value;

    private double MCore(double value) => value;

    private int M_0Core(int value) => value;
}
