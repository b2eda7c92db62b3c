using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Rest;

/// <summary>What the client does with a transcript's scenario.</summary>
internal enum ScenarioKind
{
    /// <summary>The client sends this request (modulo fields it fills itself) when called as the driver calls it.</summary>
    Sent,

    /// <summary>The client refuses the input before sending anything (MLflow's rules checked client-side).</summary>
    RefusedByClient,

    /// <summary>The client never produces this request (raw protocol probes, bodies it always fills differently).</summary>
    NotProducible,
}

/// <summary>How a transcript is replayed: the client call that produces it and the request body it should send.</summary>
internal sealed record ScenarioPlan(ScenarioKind Kind, string Reason, Func<MlflowClient, Task>? Call = null, JsonNode? ExpectedBody = null);

/// <summary>
/// Maps each MLflow transcript to the client call that produces its request, reading the arguments (ids, keys,
/// values, timestamps) from the recorded request, so that ids come from the transcript, not from our client.
/// </summary>
internal static class TranscriptDrivers
{
    /// <summary>Body fields MLflow's own client sends that some recordings omit.</summary>
    public static readonly string[] AllowedExtras = ["run_uuid", "step", "max_results", "run_view_type", "view_type"];

    private static readonly Dictionary<int, string> NotProducible = new()
    {
        [3] = "unknown route", [4] = "wrong method", [5] = "wrong method",
        [25] = "the client searches experiments with POST", [40] = "the client always sends max_results", [172] = "the client always sends max_results",
        [173] = "GET search", [48] = "the client always sends start_time", [54] = "the client sends run_id too",
        [64] = "param values are strings", [72] = "the client always sends a timestamp", [82] = "a metric always has a value",
        [80] = "values are numbers", [81] = "values are numbers", [83] = "timestamps are numbers",
        [90] = "the client always sends max_results", [91] = "the client always sends max_results", [92] = "the client always sends max_results",
        [94] = "the client always sends max_results", [95] = "the client always sends max_results",
        [187] = "the client always sends max_results", [188] = "the client always sends max_results",
        [98] = "an empty batch sends nothing", [100] = "split by the client", [102] = "split by the client", [103] = "split by the client", [104] = "split by the client",
        [114] = "the client always sends a timestamp", [128] = "statuses are enum values", [129] = "statuses are sent as names",
        [162] = "malformed JSON", [163] = "no content type", [164] = "text/plain", [165] = "unknown field", [166] = "numeric experiment id",
        [167] = "ajax-api prefix", [168] = "preview prefix", [169] = "UI root", [189] = "POST get-history", [208] = "numeric run id",
        [210] = "GET runs/search", [216] = "CORS preflight", [217] = "api/3.0", [218] = "trailing slash",
    };

    public static ScenarioPlan Plan(Transcript t)
    {
        if (NotProducible.TryGetValue(t.Number, out var reason))
        {
            return new ScenarioPlan(ScenarioKind.NotProducible, reason);
        }

        if (t.RequestBodyText.Length > 0 && !t.RequestIsStrictJson)
        {
            return new ScenarioPlan(ScenarioKind.NotProducible, "not strict JSON (bare NaN/Infinity)");
        }

        var endpoint = t.Path.StartsWith("/api/2.0/mlflow/", StringComparison.Ordinal) ? t.Path.Substring("/api/2.0/mlflow/".Length) : t.Path;
        var b = t.RequestBody;
        return (t.Method, endpoint) switch
        {
            ("GET", "/health") => new(ScenarioKind.NotProducible, "part of PingAsync (health then version)"),
            ("GET", "/version") => new(ScenarioKind.NotProducible, "part of PingAsync (health then version)"),
            ("POST", "experiments/create") => Plan(c => c.Experiments.CreateAsync(S(b, "name")!, S(b, "artifact_location"), TagPairs(b)), t, b),
            ("GET", "experiments/get") => Plan(c => c.Experiments.GetAsync(t.QueryValue("experiment_id")!), t, b),
            ("GET", "experiments/get-by-name") => Plan(c => c.Experiments.GetByNameAsync(t.QueryValue("experiment_name")!), t, b),
            ("POST", "experiments/search") => Plan(c => c.Experiments.SearchAsync(new ExperimentSearchRequest { MaxResults = I(b, "max_results") ?? 1000, Filter = S(b, "filter"), OrderBy = Strings(b, "order_by"), PageToken = S(b, "page_token"), ViewType = View(S(b, "view_type")) }), t, b),
            ("POST", "experiments/update") => Plan(c => c.Experiments.UpdateAsync(S(b, "experiment_id")!, S(b, "new_name")!), t, b),
            ("POST", "experiments/delete") => Plan(c => c.Experiments.DeleteAsync(S(b, "experiment_id")!), t, b),
            ("POST", "experiments/restore") => Plan(c => c.Experiments.RestoreAsync(S(b, "experiment_id")!), t, b),
            ("POST", "experiments/set-experiment-tag") => Plan(c => c.Experiments.SetTagAsync(S(b, "experiment_id")!, S(b, "key")!, S(b, "value")!), t, b),
            ("POST", "runs/create") => Plan(c => c.Runs.CreateAsync(new CreateRunRequest { ExperimentId = S(b, "experiment_id")!, RunName = S(b, "run_name"), UserId = S(b, "user_id"), StartTime = Time(b, "start_time"), Tags = Tags(b) }), t, TruncateValues(b, "tags", 8000)),
            ("GET", "runs/get") => Plan(c => c.Runs.GetAsync(t.QueryValue("run_id") ?? t.QueryValue("run_uuid")!), t, b),
            ("POST", "runs/update") => Plan(c => c.Runs.UpdateAsync(S(b, "run_id")!, Status(S(b, "status")), Time(b, "end_time"), S(b, "run_name")), t, b),
            ("POST", "runs/delete") => Plan(c => c.Runs.DeleteAsync(S(b, "run_id")!), t, b),
            ("POST", "runs/restore") => Plan(c => c.Runs.RestoreAsync(S(b, "run_id")!), t, b),
            ("POST", "runs/log-parameter") => Plan(c => c.Runs.LogParamAsync(S(b, "run_id")!, S(b, "key")!, S(b, "value")!), t, TruncateField(b, "value", 6000)),
            ("POST", "runs/log-metric") => Plan(c => c.Runs.LogMetricAsync(S(b, "run_id")!, S(b, "key")!, MetricValue(b!["value"]), Time(b, "timestamp"), L(b, "step")), t, b),
            ("POST", "runs/set-tag") => Plan(c => c.Runs.SetTagAsync(S(b, "run_id")!, S(b, "key")!, S(b, "value")!), t, TruncateField(b, "value", 8000)),
            ("POST", "runs/delete-tag") => Plan(c => c.Runs.DeleteTagAsync(S(b, "run_id")!, S(b, "key")!), t, b),
            ("POST", "runs/log-batch") => Plan(c => c.Runs.LogBatchAsync(S(b, "run_id")!, Metrics(b), Params(b), Tags(b)), t, TruncateValues(TruncateValues(b, "params", 6000), "tags", 8000)),
            ("POST", "runs/search") => Plan(c => c.Runs.SearchAsync(new RunSearchRequest { ExperimentIds = Strings(b, "experiment_ids"), Filter = S(b, "filter"), OrderBy = Strings(b, "order_by"), MaxResults = I(b, "max_results") ?? 1000, PageToken = S(b, "page_token"), ViewType = View(S(b, "run_view_type")) }), t, b),
            ("GET", "metrics/get-history") => Plan(c => c.Runs.GetMetricHistoryPageAsync(t.QueryValue("run_id")!, t.QueryValue("metric_key")!, int.Parse(t.QueryValue("max_results") ?? "25000", CultureInfo.InvariantCulture), t.QueryValue("page_token")), t, b),
            _ => new(ScenarioKind.NotProducible, "no client call"),
        };
    }

    /// <summary>The kind follows from whether the client's own validation refuses the call: try it against nothing.</summary>
    private static ScenarioPlan Plan(Func<MlflowClient, Task> call, Transcript t, JsonNode? expectedBody) =>
        new(IsRefusedByClient(t) ? ScenarioKind.RefusedByClient : ScenarioKind.Sent, t.Scenario, call, expectedBody);

    /// <summary>Scenarios whose input breaks a rule the client checks before sending.</summary>
    private static bool IsRefusedByClient(Transcript t) => t.Number is 8 or 9 or 10 or 15 or 20 or 26 or 31 or 46 or 58 or 59 or 61 or 62 or 66
        or 86 or 96 or 108 or 109 or 110 or 111 or 116 or 120 or 138 or 149 or 180 or 196 or 197;

    private static string? S(JsonObject? body, string name) => body?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string?)v : null;

    private static int? I(JsonObject? body, string name) => body?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<int>() : null;

    private static long? L(JsonObject? body, string name) => body?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<long>() : null;

    private static DateTimeOffset? Time(JsonObject? body, string name) => L(body, name) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private static IReadOnlyList<string> Strings(JsonObject? body, string name) =>
        body?[name] is JsonArray array ? array.Select(x => (string)x!).ToList() : Array.Empty<string>();

    private static List<Tag> Tags(JsonObject? body) =>
        body?["tags"] is JsonArray array ? array.Select(x => new Tag((string)x!["key"]!, (string)x["value"]!)).ToList() : new List<Tag>();

    private static List<KeyValuePair<string, string>> TagPairs(JsonObject? body) => Tags(body).Select(t => new KeyValuePair<string, string>(t.Key, t.Value)).ToList();

    private static List<Param> Params(JsonObject? body) =>
        body?["params"] is JsonArray array ? array.Select(x => new Param((string)x!["key"]!, (string)x["value"]!)).ToList() : new List<Param>();

    private static List<Metric> Metrics(JsonObject? body) =>
        body?["metrics"] is JsonArray array
            ? array.Select(x => new Metric((string)x!["key"]!, MetricValue(x["value"]), DateTimeOffset.FromUnixTimeMilliseconds(x["timestamp"]!.GetValue<long>()), x["step"]?.GetValue<long>() ?? 0)).ToList()
            : new List<Metric>();

    private static double MetricValue(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String
        ? (string)v! switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var other => throw new InvalidOperationException("not a client value: " + other),
        }
        : node!.GetValue<double>();

    private static ViewType View(string? value) => value switch
    {
        "DELETED_ONLY" => ViewType.DeletedOnly,
        "ALL" => ViewType.All,
        _ => ViewType.ActiveOnly,
    };

    private static RunStatus? Status(string? value) => value switch
    {
        null => null,
        "RUNNING" => RunStatus.Running,
        "SCHEDULED" => RunStatus.Scheduled,
        "FINISHED" => RunStatus.Finished,
        "FAILED" => RunStatus.Failed,
        "KILLED" => RunStatus.Killed,
        _ => throw new InvalidOperationException("not a status: " + value),
    };

    /// <summary>The client truncates long values itself, so it sends the first <paramref name="max"/> characters.</summary>
    private static JsonNode? TruncateField(JsonObject? body, string field, int max)
    {
        if (body?.DeepClone() is not JsonObject copy)
        {
            return null;
        }

        if (S(copy, field) is { Length: var length } value && length > max)
        {
            copy[field] = value.Substring(0, max);
        }

        return copy;
    }

    private static JsonNode? TruncateValues(JsonNode? body, string arrayName, int max)
    {
        if (body?.DeepClone() is not JsonObject copy)
        {
            return null;
        }

        if (copy[arrayName] is JsonArray array)
        {
            foreach (var item in array.OfType<JsonObject>())
            {
                if (S(item, "value") is { Length: var length } value && length > max)
                {
                    item["value"] = value.Substring(0, max);
                }
            }
        }

        return copy;
    }
}
