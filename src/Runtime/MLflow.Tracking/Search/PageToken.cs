using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MLflow.Tracking.Search;

/// <summary>MLflow's page tokens: base64 of Python's <c>json.dumps({"offset": N})</c>, so <c>{"offset": 2}</c>.</summary>
internal static class PageToken
{
    /// <summary>The token for the page that starts at <paramref name="offset"/>.</summary>
    public static string Encode(long offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"offset\": {offset}}}")));

    /// <summary>The offset a token stands for; 0 for no token.</summary>
    /// <exception cref="MlflowInvalidParameterException">The token is not one of MLflow's, with MLflow's messages.</exception>
    public static long Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(token);
        }
        catch (FormatException)
        {
            throw new MlflowInvalidParameterException("Invalid page token, could not base64-decode");
        }

        var text = Encoding.UTF8.GetString(bytes);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("offset", out var offset)
                && offset.ValueKind == JsonValueKind.Number
                && offset.TryGetInt64(out var value)
                && value >= 0)
            {
                return value;
            }
        }
        catch (JsonException)
        {
            throw new MlflowInvalidParameterException($"Invalid page token, decoded value={text}");
        }

        throw new MlflowInvalidParameterException($"Invalid page token, parsed value={text}");
    }
}
