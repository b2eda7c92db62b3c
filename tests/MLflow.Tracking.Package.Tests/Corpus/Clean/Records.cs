// Shape: tracked methods on a partial record class and a partial record struct.
using MLflow.Tracking;

namespace Corpus.Clean.Records;

public partial record Experiment(string Name)
{
    [TrackedRun]
    [return: LogMetric("length")]
    public partial int Measure([LogParam] int factor);

    private int MeasureCore(int factor) => Name.Length * factor;
}

public partial record struct Probe(int Size)
{
    [TrackedRun]
    public readonly partial int Read([LogParam] int offset);

    private readonly int ReadCore(int offset) => Size + offset;
}
