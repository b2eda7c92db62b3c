// Shape: a [DoesNotReturn] tracked method (issue 11: CS8763).
using System.Diagnostics.CodeAnalysis;
using MLflow.Tracking;

namespace Corpus.Legal.DoesNotReturnShape;

public partial class Guard
{
    [TrackedRun]
    [DoesNotReturn]
    public partial void Fail([LogParam] string reason);

    [DoesNotReturn]
    private void FailCore(string reason) => throw new InvalidOperationException(reason);
}
