// Shape: a static tracked method in a static partial class.
using MLflow.Tracking;

namespace Corpus.Clean.StaticMethod;

public static partial class Jobs
{
    [TrackedRun]
    [return: LogMetric("rows")]
    public static partial long Import([LogParam] string source);

    private static long ImportCore(string source) => source.Length;
}
