// Shape: an override of a generic virtual method with a 'where T : default' constraint and nullable T (issue 11: CS8823).
using MLflow.Tracking;

namespace Corpus.Legal.OverrideDefaultConstraint;

public abstract class Repository
{
    public abstract Task<T?> GetAsync<T>(T? fallback);
}

public partial class CachedRepository : Repository
{
    [TrackedRun]
    public override partial Task<T?> GetAsync<T>(T? fallback)
        where T : default;

    private Task<T?> GetAsyncCore<T>(T? fallback) => Task.FromResult(fallback);
}
