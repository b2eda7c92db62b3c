using System.Text.RegularExpressions;

namespace MLflow.Tracking.Logging;

/// <summary>Removes the user-info part (<c>user:password@</c>) of every URI in a text, so messages never carry credentials.</summary>
internal static partial class UriCredentials
{
    /// <summary><paramref name="text"/> with each <c>scheme://user:password@</c> written as <c>scheme://***@</c>.</summary>
    public static string Redact(string text) => text.Contains('@', System.StringComparison.Ordinal) ? UserInfo().Replace(text, "***@") : text;

    // A scheme (RFC 3986: a letter, then letters, digits, + - .), "://", then everything up to an "@" that is not a
    // path, query or fragment delimiter: that span is the user-info.
    [GeneratedRegex(@"(?<=\b[A-Za-z][A-Za-z0-9+.\-]*://)[^/\s@?#]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}
