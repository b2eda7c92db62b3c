using System.Threading.Tasks;
using MLflow.Tracking.Stores;
using MLflow.Tracking.Tests.Rest;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Conformance;

/// <summary>
/// The store conformance suite through the REST store and real HTTP: <see cref="LoopbackMlflowServer"/> serves MLflow's
/// API over the in-memory store (its wire answers are anchored to MLflow's transcripts by
/// LoopbackMlflowServerTranscriptTests), so this checks that requests, responses and errors survive the wire intact.
/// </summary>
public sealed class RestStoreConformanceTests : StoreConformanceTests
{
    private LoopbackMlflowServer? _server;

    protected override async Task<MlflowStore> CreateStoreAsync()
    {
        _server = await LoopbackMlflowServer.StartAsync();
        return RestTestClients.Store(RestTestClients.Options(_server.BaseUri));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
