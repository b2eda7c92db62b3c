// Shape: a logged ref struct (Span<T>) cannot be captured; the generator must say so instead of dropping it.
using MLflow.Tracking;

namespace Corpus.Generator.SpanParam;

public partial class Summer
{
    [TrackedRun]
    public partial int Sum([LogParam] Span<int> values); // expect: MLFLOW007, CS8795?

    private int SumCore(Span<int> values) => values.Length;
}
