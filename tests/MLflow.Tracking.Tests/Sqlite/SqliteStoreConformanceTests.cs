using System.Threading.Tasks;
using MLflow.Tracking.Stores;
using MLflow.Tracking.Stores.Sqlite;
using MLflow.Tracking.Tests.Conformance;
using MLflow.Tracking.Tests.TestSupport;

namespace MLflow.Tracking.Tests.Sqlite;

/// <summary>The store conformance suite over a new MLflow SQLite file per test.</summary>
public sealed class SqliteStoreConformanceTests : StoreConformanceTests
{
    private readonly TempDirectory _temp = new();

    protected override Task<MlflowStore> CreateStoreAsync() =>
        Task.FromResult<MlflowStore>(SqliteMlflowStore.Open(_temp.File("mlflow.db"), new SqliteStoreOptions()));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _temp.Dispose();
    }
}
