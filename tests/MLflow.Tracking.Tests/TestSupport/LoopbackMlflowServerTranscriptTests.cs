using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.TestSupport;

/// <summary>
/// Anchors <see cref="LoopbackMlflowServer"/> to real MLflow: recorded MLflow 3.5 requests are replayed in their
/// recorded order against a fresh server, and each answer must match the recording in status, error code, exact
/// message (where it carries no database detail) and JSON shape (the set of field paths).
/// </summary>
public sealed class LoopbackMlflowServerTranscriptTests
{
    [Fact]
    public async Task Experiment_requests_are_answered_as_MLflow_answered_them()
    {
        await ReplayAsync(
            (6, Check.Shape),
            (7, Check.Code),
            (13, Check.Shape),
            (16, Check.Shape),
            (18, Check.Message),
            (28, Check.Message),
            (3, Check.Status));
    }

    [Fact]
    public async Task Run_requests_are_answered_as_MLflow_answered_them()
    {
        await ReplayAsync(
            (6, Check.Shape),
            (43, Check.Shape),
            (51, Check.Shape),
            (52, Check.Shape),
            (53, Check.Message),
            (69, Check.Shape),
            (65, Check.Code));
    }

    private enum Check
    {
        Status,
        Code,
        Message,
        Shape,
    }

    private static async Task ReplayAsync(params (int Number, Check Check)[] steps)
    {
        await using var server = await LoopbackMlflowServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var ids = new Dictionary<string, string>(StringComparer.Ordinal); // recorded run id -> this server's run id
        foreach (var (number, check) in steps)
        {
            var transcript = Transcript.Mlflow35(number);
            var query = string.Join("&", transcript.Query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(Substitute(q.Value, ids))));
            using var request = new HttpRequestMessage(new HttpMethod(transcript.Method), transcript.Path.TrimStart('/') + (query.Length > 0 ? "?" + query : string.Empty));
            if (transcript.Method == "POST")
            {
                request.Content = new StringContent(Substitute(transcript.RequestBodyText, ids), Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(transcript.Status == (int)response.StatusCode, $"{transcript.Name}: status {(int)response.StatusCode}, MLflow {transcript.Status}: {text}");
            var body = transcript.ResponseBody is null ? null : JsonNode.Parse(text);
            if (check >= Check.Code && transcript.ErrorCode is not null)
            {
                Assert.Equal(transcript.ErrorCode, (string?)body?["error_code"]);
            }

            if (check == Check.Message)
            {
                Assert.Equal(Substitute(transcript.ErrorMessage!, ids), (string?)body?["message"]);
            }

            if (check == Check.Shape)
            {
                var expected = Paths(transcript.ResponseBody);
                var actual = Paths(body);
                Assert.True(expected.SetEquals(actual), $"{transcript.Name}: missing [{string.Join(", ", expected.Except(actual))}], extra [{string.Join(", ", actual.Except(expected))}]");
                if (transcript.ResponseBody?["run"]?["info"]?["run_id"] is JsonValue recorded)
                {
                    ids[(string)recorded!] = (string)body!["run"]!["info"]!["run_id"]!;
                }
            }
        }
    }

    private static string Substitute(string text, IReadOnlyDictionary<string, string> ids) =>
        ids.Aggregate(text, (current, id) => current.Replace(id.Key, id.Value, StringComparison.Ordinal));

    private static SortedSet<string> Paths(JsonNode? node, string prefix = "")
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    paths.Add(prefix + "/" + key);
                    paths.UnionWith(Paths(value, prefix + "/" + key));
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    paths.UnionWith(Paths(item, prefix + "[]"));
                }

                break;
        }

        return paths;
    }
}
