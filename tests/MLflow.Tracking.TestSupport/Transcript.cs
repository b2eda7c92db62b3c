using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MLflow.Tracking.TestSupport;

/// <summary>One recorded MLflow request/response pair (a <c>NNN-scenario.json</c> transcript file).</summary>
public sealed class Transcript
{
    private Transcript(string file, JsonObject root)
    {
        File = file;
        Name = System.IO.Path.GetFileNameWithoutExtension(file);
        Number = int.Parse(Name.Substring(0, 3), CultureInfo.InvariantCulture);
        Scenario = (string)root["scenario"]!;
        var request = root["request"]!.AsObject();
        var response = root["response"]!.AsObject();
        Method = (string)request["method"]!;
        Path = (string)request["path"]!;
        Query = ReadQuery(request["query"] as JsonObject);
        RequestBodyText = (string?)request["body_text"] ?? string.Empty;
        RequestIsStrictJson = request["body_is_strict_json"] is JsonValue strict && strict.GetValueKind() == JsonValueKind.True;

        // Large bodies are stored only as text (the "body" field then holds a note): parse the exact text.
        RequestBody = request["body"] as JsonObject ?? (RequestIsStrictJson && RequestBodyText.Length > 0 ? JsonNode.Parse(RequestBodyText) as JsonObject : null);
        ExtraHeaders = request["extra_headers"] is JsonObject extra ? extra.ToDictionary(p => p.Key, p => (string?)p.Value ?? string.Empty) : new Dictionary<string, string>();
        Status = (int)response["status"]!;
        var headers = response["headers"] as JsonObject;
        ContentType = (string?)headers?["content-type"];
        ResponseBodyText = (string?)response["body_text"] ?? string.Empty;
        ErrorCode = (string?)response["error_code"];
        ResponseBody = response["body"] as JsonObject;
    }

    /// <summary>The file path.</summary>
    public string File { get; }

    /// <summary>The file name without extension, such as <c>043-runs-create</c>.</summary>
    public string Name { get; }

    /// <summary>The file number (its order).</summary>
    public int Number { get; }

    /// <summary>The scenario name, such as <c>runs-create</c>.</summary>
    public string Scenario { get; }

    /// <summary>The request method.</summary>
    public string Method { get; }

    /// <summary>The request path, such as <c>/api/2.0/mlflow/runs/create</c>.</summary>
    public string Path { get; }

    /// <summary>The query parameters as strings (lists expanded into repeated names).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    /// <summary>The exact request body text.</summary>
    public string RequestBodyText { get; }

    /// <summary>The request body when it was strict JSON, else null.</summary>
    public JsonObject? RequestBody { get; }

    /// <summary>Whether the request body was strict JSON (false for bare NaN literals and the like).</summary>
    public bool RequestIsStrictJson { get; }

    /// <summary>Headers the recording added (Host, Origin…).</summary>
    public IReadOnlyDictionary<string, string> ExtraHeaders { get; }

    /// <summary>The response status.</summary>
    public int Status { get; }

    /// <summary>The response content type.</summary>
    public string? ContentType { get; }

    /// <summary>The exact response body text.</summary>
    public string ResponseBodyText { get; }

    /// <summary>The response body when JSON.</summary>
    public JsonObject? ResponseBody { get; }

    /// <summary>MLflow's error code, when the response is an MLflow error.</summary>
    public string? ErrorCode { get; }

    /// <summary>The MLflow error message, when the response is an MLflow error.</summary>
    public string? ErrorMessage => (string?)ResponseBody?["message"];

    /// <summary>A string field of the request body, or null.</summary>
    public string? BodyString(string name) => RequestBody?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? (string?)value : null;

    /// <summary>A query parameter, or null.</summary>
    public string? QueryValue(string name) => Query.Where(q => q.Key == name).Select(q => q.Value).FirstOrDefault();

    /// <summary>Loads every transcript (<c>NNN-scenario.json</c>) of <paramref name="directory"/> in file order.</summary>
    public static IReadOnlyList<Transcript> LoadAll(string directory) =>
        System.IO.Directory.GetFiles(directory, "*.json").Where(f => char.IsAsciiDigit(System.IO.Path.GetFileName(f)[0])).OrderBy(f => System.IO.Path.GetFileName(f), StringComparer.Ordinal).Select(Load).ToList();

    /// <summary>Loads the MLflow 3.5 transcripts in file order.</summary>
    public static IReadOnlyList<Transcript> LoadMlflow35() => LoadAll(MlflowReference.Transcripts35);

    /// <summary>Loads one transcript file.</summary>
    public static Transcript Load(string file) => new(file, JsonNode.Parse(System.IO.File.ReadAllText(file))!.AsObject());

    /// <summary>Loads the MLflow 3.5 transcript numbered <paramref name="number"/>.</summary>
    public static Transcript Mlflow35(int number) =>
        Load(System.IO.Directory.GetFiles(MlflowReference.Transcripts35, number.ToString("000", CultureInfo.InvariantCulture) + "-*.json").Single());

    /// <inheritdoc />
    public override string ToString() => Name;

    private static List<KeyValuePair<string, string>> ReadQuery(JsonObject? query)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in query ?? new JsonObject())
        {
            if (value is JsonArray array)
            {
                result.AddRange(array.Select(item => new KeyValuePair<string, string>(key, Scalar(item))));
            }
            else
            {
                result.Add(new(key, Scalar(value)));
            }
        }

        return result;
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => (string)value!,
        _ => node.ToJsonString(),
    };
}
