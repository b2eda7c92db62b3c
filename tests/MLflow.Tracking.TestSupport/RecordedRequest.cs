using System;
using System.Collections.Generic;

namespace MLflow.Tracking.TestSupport;

/// <summary>A request the <see cref="LoopbackServer"/> received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path with its query string (as sent).</param>
/// <param name="Headers">The request headers (names case-insensitive; repeated values joined by ", ").</param>
/// <param name="Body">The body as UTF-8 text (empty when none).</param>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The path without the query string.</summary>
    public string Path => PathAndQuery.Split('?')[0];

    /// <summary>The query string without the leading '?', or empty.</summary>
    public string Query => PathAndQuery.Contains('?', StringComparison.Ordinal) ? PathAndQuery.Substring(PathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1) : string.Empty;

    /// <summary>A header value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The decoded query parameters (a repeated name keeps every value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> QueryParameters()
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var pair in Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair.Substring(0, equals);
            var value = equals < 0 ? string.Empty : pair.Substring(equals + 1);
            result.Add(new(Uri.UnescapeDataString(key.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' '))));
        }

        return result;
    }
}
