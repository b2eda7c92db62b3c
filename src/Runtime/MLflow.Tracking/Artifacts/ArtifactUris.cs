using System;
using System.Globalization;
using System.IO;

namespace MLflow.Tracking.Artifacts;

/// <summary>Artifact root URIs: schemes and local paths, read the way MLflow's <c>get_artifact_repository</c> reads them.</summary>
internal static class ArtifactUris
{
    /// <summary>The tracking server's artifact proxy scheme.</summary>
    public const string ProxyScheme = "mlflow-artifacts";

    /// <summary>The scheme of <paramref name="uri"/>, or null for a plain path (a Windows drive letter is not a scheme).</summary>
    public static string? GetScheme(string uri)
    {
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2)
        {
            return null;
        }

        var scheme = uri.Substring(0, colon);
        return IsSchemeName(scheme) ? scheme : null;
    }

    /// <summary>RFC 3986: a letter, then letters, digits, '+', '-' or '.'.</summary>
    public static bool IsSchemeName(string text)
    {
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The local directory of a <c>file:</c> URI or a plain path (relative ones against the current folder), else null.</summary>
    public static string? TryGetLocalDirectory(string uri)
    {
        var scheme = GetScheme(uri);
        if (scheme is null)
        {
            return Path.GetFullPath(uri);
        }

        if (!scheme.Equals("file", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // file:relative/path (no slashes) is MLflow's relative file URI; file:/abs and file:///abs are absolute.
        var rest = uri.Substring(scheme.Length + 1);
        if (!rest.StartsWith('/'))
        {
            return Path.GetFullPath(Uri.UnescapeDataString(rest));
        }

        return new Uri(uri).LocalPath;
    }

    /// <summary>
    /// The authority (<c>host:port</c>) of a <c>mlflow-artifacts://host:port/…</c> URI, or null when it names none
    /// (<c>mlflow-artifacts:/1/…</c>, <c>mlflow-artifacts:///1/…</c>) or is not a proxy URI: the server to send to
    /// instead of the tracking server, as MLflow's <c>MlflowArtifactsRepository.resolve_uri</c> reads it.
    /// </summary>
    /// <exception cref="MlflowInvalidParameterException">
    /// A port without a host (<c>mlflow-artifacts://5000/…</c>), refused as MLflow's <c>_validate_port_mapped_to_hostname</c>
    /// refuses it; or an authority that is not a host and port.
    /// </exception>
    public static string? TryGetProxyAuthority(string uri)
    {
        if (!string.Equals(GetScheme(uri), ProxyScheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = uri.Substring(ProxyScheme.Length + 1);
        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var slash = rest.IndexOf('/', 2);
        var authority = slash < 0 ? rest.Substring(2) : rest.Substring(2, slash - 2);
        if (authority.Length == 0)
        {
            return null;
        }

        if (authority.Contains('@', StringComparison.Ordinal))
        {
            // Never echoed: the user info may hold a password. The tracking server's credentials are sent instead.
            throw new MlflowInvalidParameterException("An mlflow-artifacts artifact URI names its server with user info (user:password@host), which is refused; the tracking server's credentials are sent to the named host.");
        }

        var host = HostOf(authority, out var port);
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown
            || (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 65535)))
        {
            throw new MlflowInvalidParameterException($"The artifact URI '{uri}' names the server '{authority}', which is not a host and port (mlflow-artifacts://<host>:<port>/<path>).");
        }

        if (port is null && double.TryParse(host, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw new MlflowInvalidParameterException($"The artifact URI '{uri}' was given a port number ({host}) but no host; write mlflow-artifacts://<host>:{host}/<path>.");
        }

        return authority;
    }

    /// <summary>The host of <c>host[:port]</c> (an IPv6 address in brackets kept whole) and the port, or null.</summary>
    private static string HostOf(string authority, out string? port)
    {
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || (authority.StartsWith('[') && authority.LastIndexOf(']') > colon))
        {
            port = null;
            return authority;
        }

        port = authority.Substring(colon + 1);
        return authority.Substring(0, colon);
    }

    /// <summary>The path of a <c>mlflow-artifacts:</c> URI under the proxy (<c>1/&lt;run&gt;/artifacts</c>), or null for other URIs.</summary>
    public static string? TryGetProxyPath(string uri)
    {
        if (!string.Equals(GetScheme(uri), ProxyScheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = uri.Substring(ProxyScheme.Length + 1);
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            // mlflow-artifacts://host:port/path: the authority names a server; the path is what the proxy serves.
            var slash = rest.IndexOf('/', 2);
            rest = slash < 0 ? string.Empty : rest.Substring(slash);
        }

        return Uri.UnescapeDataString(rest.Trim('/'));
    }
}
