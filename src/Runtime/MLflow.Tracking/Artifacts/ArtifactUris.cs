using System;
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
