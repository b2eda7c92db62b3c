using System;
using System.IO;
using System.Threading.Tasks;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Rest;

/// <summary>TLS is verified by default; a custom CA or InsecureTls lets a private server in.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly TestCertificates _certificates = TestCertificates.Create();
    private readonly string _caPath = Path.Combine(Path.GetTempPath(), "mlflow-test-ca-" + Guid.NewGuid().ToString("N") + ".pem");

    public TlsTests() => File.WriteAllText(_caPath, _certificates.Authority.ExportCertificatePem());

    private Task<LoopbackServer> StartHttpsAsync() =>
        LoopbackServer.StartAsync((_, context) => LoopbackServer.RespondAsync(context, 200, "application/json", "{\"experiment\": {\"experiment_id\": \"0\", \"name\": \"Default\"}}"), _certificates.Server);

    [Fact]
    public async Task An_untrusted_server_certificate_is_refused_without_retrying()
    {
        await using var server = await StartHttpsAsync();
        await using var client = RestTestClients.Client(RestTestClients.Options(server.BaseUri, maxRetries: 3));

        var error = await Assert.ThrowsAsync<MlflowNetworkException>(() => client.Experiments.GetAsync("0"));

        Assert.Contains("1 attempt", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_server_signed_by_the_configured_CA_is_trusted()
    {
        await using var server = await StartHttpsAsync();
        var options = RestTestClients.Options(server.BaseUri);
        options.ServerCertPath = _caPath;
        await using var client = RestTestClients.Client(options);

        var experiment = await client.Experiments.GetAsync("0");

        Assert.Equal("Default", experiment.Name);
    }

    [Fact]
    public async Task InsecureTls_accepts_any_certificate()
    {
        await using var server = await StartHttpsAsync();
        var options = RestTestClients.Options(server.BaseUri);
        options.InsecureTls = true;
        await using var client = RestTestClients.Client(options);

        var experiment = await client.Experiments.GetAsync("0");

        Assert.Equal("0", experiment.ExperimentId);
    }

    public void Dispose()
    {
        _certificates.Dispose();
        File.Delete(_caPath);
    }
}
