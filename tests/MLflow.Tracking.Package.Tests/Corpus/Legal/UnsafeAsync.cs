// Shape: an async tracked method in an unsafe partial class, and a pointer-array param that is not logged (issue 11: CS4004, CS0214).
using MLflow.Tracking;

namespace Corpus.Legal.UnsafeAsync;

public unsafe partial class Native
{
    [TrackedRun]
    public partial Task<int> CountAsync([LogParam] int n);

    [TrackedRun]
    public partial int Sum(int*[] rows, [LogParam] int length);

    private async Task<int> CountAsyncCore(int n)
    {
        await Task.Yield();
        return n;
    }

    private int SumCore(int*[] rows, int length) => rows.Length + length;
}
