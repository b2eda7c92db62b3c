using System;
using System.Threading.Tasks;
using MLflow.Tracking.Datasets;
using MLflow.Tracking.Stores;
using MLflow.Tracking.Tests.Tracking.Support;
using Xunit;

namespace MLflow.Tracking.Tests.Client;

/// <summary>
/// <see cref="MlflowStore"/> can grow: a store that overrides only the operations every store has (here a
/// decorator written before datasets and artifact serving) still compiles and runs, and the newer operations it lacks
/// decline or say clearly which operation and which store.
/// </summary>
public sealed class StoreGrowthTests
{
    [Fact]
    public async Task An_operation_the_store_does_not_override_throws_NotSupported_naming_it_and_the_store()
    {
        await using var client = new MlflowClient(new ScriptedStore());
        var experimentId = await client.Experiments.CreateAsync("growth");
        var run = await client.Runs.CreateAsync(experimentId);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() =>
            client.Runs.LogInputAsync(run.Info.RunId, new Dataset("points", "a1b2c3d4", "local", "{}")));

        Assert.Equal("The store scripted (ScriptedStore) does not record dataset inputs: it does not override MlflowStore.LogInputsAsync.", error.Message);
    }

    [Fact]
    public async Task A_store_that_serves_no_artifact_uris_declines_them()
    {
        await using var store = new ScriptedStore();

        Assert.Null(store.TryOpenArtifactRepository("mlflow-artifacts:/1/abc/artifacts"));
        Assert.Equal(MlflowStoreCapabilities.None, store.Capabilities);
    }
}
