// Shape: an async tracked method in an unsafe partial class, and a pointer-array param that is not logged (issue 11: CS4004, CS0214).
using MLflow.Tracking;

namespace Corpus.Legal.UnsafeAsync;

public unsafe partial class Native
{
    [TrackedRun]
    public partial Task<int> CountAsync([LogParam] int n);

    [TrackedRun]
    public partial int Sum(int*[] rows, [LogParam] int length);

    // Not 'async': an await inside an unsafe class is CS4004 in the user's own code; the wrapper's must compile too.
    private Task<int> CountAsyncCore(int n) => Task.FromResult(n);

    private int SumCore(int*[] rows, int length) => rows.Length + length;
}
