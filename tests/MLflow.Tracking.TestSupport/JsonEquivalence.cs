using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MLflow.Tracking.TestSupport;

/// <summary>
/// Compares a request the client sent with the one MLflow's transcript recorded: every recorded field must be sent
/// with an equal value (numbers compared as numbers, int64 strings as numbers); extra fields are allowed only when
/// named as allowed extras or when they are empty arrays.
/// </summary>
public static class JsonEquivalence
{
    /// <summary>The differences between <paramref name="expected"/> and <paramref name="actual"/>; empty when equivalent.</summary>
    public static IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual, IEnumerable<string>? allowedExtras = null)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", new HashSet<string>(allowedExtras ?? Array.Empty<string>(), StringComparer.Ordinal), differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, HashSet<string> extras, List<string> differences)
    {
        switch (expected)
        {
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    differences.Add($"{path}: expected an object, got {Describe(actual)}");
                    return;
                }

                foreach (var (name, value) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(name, out var actualValue))
                    {
                        differences.Add($"{path}.{name}: missing (expected {Describe(value)})");
                        continue;
                    }

                    Compare(value, actualValue, path + "." + name, extras, differences);
                }

                foreach (var (name, value) in actualObject)
                {
                    if (!expectedObject.ContainsKey(name) && !extras.Contains(name) && !(value is JsonArray { Count: 0 }))
                    {
                        differences.Add($"{path}.{name}: not expected (sent {Describe(value)})");
                    }
                }

                return;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray || actualArray.Count != expectedArray.Count)
                {
                    differences.Add($"{path}: expected {expectedArray.Count} items, got {Describe(actual)}");
                    return;
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    Compare(expectedArray[i], actualArray[i], $"{path}[{i}]", extras, differences);
                }

                return;
            default:
                if (!ScalarEquals(expected, actual))
                {
                    differences.Add($"{path}: expected {Describe(expected)}, got {Describe(actual)}");
                }

                return;
        }
    }

    private static bool ScalarEquals(JsonNode? expected, JsonNode? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null;
        }

        var e = expected.AsValue();
        var a = actual.AsValue();
        if (e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number)
        {
            return e.GetValue<JsonElement>().GetDouble() == a.GetValue<JsonElement>().GetDouble()
                || e.ToJsonString() == a.ToJsonString();
        }

        if (e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.String)
        {
            return double.TryParse((string)a!, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed == e.GetValue<JsonElement>().GetDouble();
        }

        return e.ToJsonString() == a.ToJsonString();
    }

    private static string Describe(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "nothing";
        return text.Length > 120 ? text.Substring(0, 120) + "…" : text;
    }
}
