using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace MLflow.Tracking.Artifacts;

/// <summary>
/// A dictionary of plain values as a JSON tree without reflection (so it stays trim- and AOT-safe): the values
/// MLflow's <c>log_dict</c> users pass — strings, numbers, booleans, null, nested dictionaries and lists.
/// </summary>
internal static class DictionaryJson
{
    public static JsonObject ToNode(IEnumerable<KeyValuePair<string, object?>> dictionary)
    {
        var result = new JsonObject();
        foreach (var (key, value) in dictionary)
        {
            result[key] = ToNode(value, key);
        }

        return result;
    }

    private static JsonNode? ToNode(object? value, string key) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        short number => JsonValue.Create(number),
        byte number => JsonValue.Create(number),
        uint number => JsonValue.Create(number),
        ulong number => JsonValue.Create(number),
        float number => JsonValue.Create(number),
        double number => double.IsFinite(number) ? JsonValue.Create(number) : JsonValue.Create(number.ToString(CultureInfo.InvariantCulture)),
        decimal number => JsonValue.Create(number),
        DateTimeOffset time => JsonValue.Create(time.ToString("O", CultureInfo.InvariantCulture)),
        DateTime time => JsonValue.Create(time.ToString("O", CultureInfo.InvariantCulture)),
        Guid id => JsonValue.Create(id.ToString()),
        Enum member => JsonValue.Create(member.ToString()),
        IEnumerable<KeyValuePair<string, object?>> nested => ToNode(nested),
        IDictionary nested => ToNode(nested, key),
        IEnumerable items => ToArray(items, key),
        _ => throw new MlflowInvalidParameterException($"Dictionary value of key '{key}' has type {value.GetType()}, which is not written as JSON without reflection; use strings, numbers, booleans, null, dictionaries, lists or a JsonNode."),
    };

    private static JsonObject ToNode(IDictionary dictionary, string key)
    {
        var result = new JsonObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            var name = entry.Key as string ?? throw new MlflowInvalidParameterException($"Dictionary value of key '{key}' has a key of type {entry.Key.GetType()}; JSON object keys must be strings.");
            result[name] = ToNode(entry.Value, key + "." + name);
        }

        return result;
    }

    private static JsonArray ToArray(IEnumerable items, string key)
    {
        var result = new JsonArray();
        var index = 0;
        foreach (var item in items)
        {
            result.Add(ToNode(item, key + "[" + index.ToString(CultureInfo.InvariantCulture) + "]"));
            index++;
        }

        return result;
    }
}
