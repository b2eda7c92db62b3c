using System.Threading.Tasks;
using MLflow.Tracking.Stores;
using MLflow.Tracking.Testing;

namespace MLflow.Tracking.Tests.Conformance;

/// <summary>The store conformance suite over <see cref="InMemoryMlflowStore"/>: the fake must answer as MLflow does.</summary>
public sealed class InMemoryStoreConformanceTests : StoreConformanceTests
{
    protected override Task<MlflowStore> CreateStoreAsync() => Task.FromResult<MlflowStore>(new InMemoryMlflowStore());
}
