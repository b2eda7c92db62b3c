// Shape: a tracked method on a partial struct.
using MLflow.Tracking;

namespace Corpus.Clean.StructType;

public partial struct Window
{
    public int Width { get; set; }

    [TrackedRun]
    [return: LogMetric("area")]
    public readonly partial int Area([LogParam] int height);

    private readonly int AreaCore(int height) => Width * height;
}
