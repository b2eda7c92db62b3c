// Shape: a generic tracked method and a tracked method of a generic type.
using MLflow.Tracking;

namespace Corpus.Clean.Generics;

public partial class Mapper
{
    [TrackedRun]
    public partial T Echo<T>([LogParam] int times, T value)
        where T : notnull;

    private T EchoCore<T>(int times, T value)
        where T : notnull => value;
}

public partial class Box<T>
{
    [TrackedRun]
    [return: LogMetric("count")]
    public partial int Count([LogParam] int limit);

    private int CountCore(int limit) => limit;
}
