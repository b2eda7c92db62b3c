using System;
using System.IO;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MLflow.Tracking.Stores.Rest;

/// <summary>TLS certificate checks: on by default, off with <c>InsecureTls</c>, or against a custom CA.</summary>
internal static class TlsValidation
{
    /// <summary>The callback to install, or null to keep the platform's default verification.</summary>
    public static RemoteCertificateValidationCallback? CreateCallback(MlflowOptions options)
    {
        if (options.InsecureTls)
        {
            return static (_, _, _, _) => true;
        }

        if (string.IsNullOrWhiteSpace(options.ServerCertPath))
        {
            return null;
        }

        var authorities = LoadCertificates(options.ServerCertPath);
        return (_, certificate, _, errors) => Validate(certificate, errors, authorities);
    }

    /// <summary>Reads a PEM (one or more certificates) or DER certificate file.</summary>
    public static X509Certificate2Collection LoadCertificates(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var collection = new X509Certificate2Collection();
            var text = Encoding.ASCII.GetString(bytes);
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                collection.ImportFromPem(text);
            }
            else
            {
#if NET9_0_OR_GREATER
                collection.Add(X509CertificateLoader.LoadCertificate(bytes));
#else
                collection.Add(new X509Certificate2(bytes));
#endif
            }

            if (collection.Count == 0)
            {
                throw new MlflowException($"The server CA certificate file '{path}' contains no certificate.", MlflowErrorCodes.InvalidParameterValue);
            }

            return collection;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new MlflowException($"The server CA certificate file '{path}' cannot be read as a PEM or DER certificate: {ex.Message}", MlflowErrorCodes.InvalidParameterValue, null, ex);
        }
    }

    private static bool Validate(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection authorities)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // A wrong host name or a missing certificate is never accepted; only the chain is checked against the CA.
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.ExtraStore.AddRange(authorities);
        return certificate is X509Certificate2 certificate2
            ? chain.Build(certificate2)
            : BuildFromRaw(chain, certificate);
    }

    private static bool BuildFromRaw(X509Chain chain, X509Certificate certificate)
    {
#if NET9_0_OR_GREATER
        using var copy = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
#else
        using var copy = new X509Certificate2(certificate.GetRawCertData());
#endif
        return chain.Build(copy);
    }
}
