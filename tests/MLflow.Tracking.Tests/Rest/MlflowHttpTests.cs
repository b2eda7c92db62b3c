using System;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using MLflow.Tracking.Stores.Rest;
using MLflow.Tracking.TestSupport;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace MLflow.Tracking.Tests.Rest;

/// <summary>The public HTTP helpers the DI integration reuses.</summary>
public sealed class MlflowHttpTests
{
    [Fact]
    public async Task AddMlflowRetry_in_a_ResilienceHandler_retries_a_503_like_the_store_does()
    {
        var count = 0;
        await using var server = await LoopbackServer.StartAsync((_, context) =>
            ++count < 3 ? LoopbackServer.RespondAsync(context, 503, "text/plain", "busy") : LoopbackServer.RespondAsync(context, 200, "text/plain", "OK"));
        var options = RestTestClients.Options(server.BaseUri, maxRetries: 4);
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddMlflowRetry(options).Build();
        using var http = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = MlflowHttp.CreatePrimaryHandler(options) });

        using var response = await http.GetAsync(new Uri(server.BaseUri, "health"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public void CreatePrimaryHandler_installs_a_certificate_check_only_when_TLS_is_customized()
    {
        using var plain = (SocketsHttpHandler)MlflowHttp.CreatePrimaryHandler(new MlflowOptions());
        using var insecure = (SocketsHttpHandler)MlflowHttp.CreatePrimaryHandler(new MlflowOptions { InsecureTls = true });

        Assert.Null(plain.SslOptions.RemoteCertificateValidationCallback);
        Assert.NotNull(insecure.SslOptions.RemoteCertificateValidationCallback);
        Assert.True(insecure.SslOptions.RemoteCertificateValidationCallback!(this, null, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_PEM_or_DER_CA_file_is_loaded_for_chain_validation(bool pem)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Test MLflow CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(Path.GetTempPath(), "mlflow-ca-" + Guid.NewGuid().ToString("N") + (pem ? ".pem" : ".der"));
        try
        {
            if (pem)
            {
                File.WriteAllText(path, ca.ExportCertificatePem());
            }
            else
            {
                File.WriteAllBytes(path, ca.Export(X509ContentType.Cert));
            }

            var loaded = TlsValidation.LoadCertificates(path);
            using var handler = (SocketsHttpHandler)MlflowHttp.CreatePrimaryHandler(new MlflowOptions { ServerCertPath = path });

            Assert.Equal(ca.Thumbprint, Assert.Single(loaded).Thumbprint);
            Assert.NotNull(handler.SslOptions.RemoteCertificateValidationCallback);
            Assert.True(handler.SslOptions.RemoteCertificateValidationCallback!(this, ca, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
            Assert.False(handler.SslOptions.RemoteCertificateValidationCallback!(this, ca, null, System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_unreadable_CA_file_throws_an_MlflowException_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N") + ".pem");

        var error = Assert.Throws<MlflowException>(() => MlflowHttp.CreatePrimaryHandler(new MlflowOptions { ServerCertPath = path }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 2, 4)]
    [InlineData(2, 2, 8)]
    [InlineData(10, 2, 120)]
    public void Backoff_follows_urllib3_without_jitter(int attempt, double factor, double expectedSeconds)
    {
        var options = new MlflowOptions { BackoffFactor = factor, BackoffJitter = 0 };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryPolicy.GetDelay(options, attempt, null));
    }
}
