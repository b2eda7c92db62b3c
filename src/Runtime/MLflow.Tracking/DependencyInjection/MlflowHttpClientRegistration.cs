using System;
using System.IO;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace MLflow.Tracking.DependencyInjection;

/// <summary>
/// Registers the named <see cref="HttpClient"/> ("MLflow") that HTTP stores use under dependency injection.
/// </summary>
/// <remarks>
/// INTEGRATION NOTE: the REST store (issue 2) brings <c>MlflowHttp.CreatePrimaryHandler(MlflowOptions)</c> and
/// <c>AddMlflowRetry(MlflowOptions, ILogger?)</c>. When they are merged, this file should use them, so that the DI
/// path and the stand-alone path share one TLS and retry policy. Until then it configures equivalent settings from
/// <see cref="MlflowOptions"/>: MLflow's retry policy (408, 429, 5xx and connection errors; exponential backoff of
/// <see cref="MlflowOptions.BackoffFactor"/> with jitter; <c>Retry-After</c> honoured; at most
/// <see cref="MlflowOptions.MaxRetries"/> retries), a per-attempt <see cref="MlflowOptions.RequestTimeout"/>, and
/// the TLS options. A client from this factory arrives already retrying, so the store does not retry again.
/// </remarks>
internal static class MlflowHttpClientRegistration
{
    /// <summary>The name of the HTTP client.</summary>
    public const string ClientName = "MLflow";

    public static void AddMlflowHttpClient(IServiceCollection services)
    {
        var builder = services.AddHttpClient(ClientName, static client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.ConfigurePrimaryHttpMessageHandler(static provider => CreatePrimaryHandler(provider.GetRequiredService<IOptions<MlflowOptions>>().Value));

        // The store is a singleton holding its client: rotate connections in the handler instead (DNS changes).
        builder.SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler("mlflow", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<MlflowOptions>>().Value;
            if (options.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = TimeSpan.FromSeconds(Math.Min(options.BackoffFactor, 3600)),
                    UseJitter = options.BackoffJitter > 0,
                    ShouldRetryAfterHeader = true,
                });
            }

            pipeline.AddTimeout(Clamp(options.RequestTimeout));
        });
    }

    private static TimeSpan Clamp(TimeSpan timeout)
    {
        // Polly accepts 10 ms to 24 h per attempt.
        var min = TimeSpan.FromMilliseconds(10);
        var max = TimeSpan.FromHours(24);
        return timeout < min ? min : timeout > max ? max : timeout;
    }

    private static SocketsHttpHandler CreatePrimaryHandler(MlflowOptions options)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (options.InsecureTls)
        {
#pragma warning disable CA5359 // MLFLOW_TRACKING_INSECURE_TLS asks for exactly this (test servers); it is off by default.
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (!string.IsNullOrWhiteSpace(options.ServerCertPath))
        {
            var authority = LoadCertificate(options.ServerCertPath);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (errors == SslPolicyErrors.None)
                {
                    return true;
                }

                if (certificate is not X509Certificate2 server || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.CustomTrustStore.Add(authority);
                return chain.Build(server);
            };
        }

        return handler;
    }

    private static X509Certificate2 LoadCertificate(string path)
    {
        var text = File.ReadAllText(path);
        if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            return X509Certificate2.CreateFromPem(text);
        }

#if NET9_0_OR_GREATER
        return X509CertificateLoader.LoadCertificateFromFile(path);
#else
        return new X509Certificate2(path);
#endif
    }
}
