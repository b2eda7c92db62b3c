using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Analyzers;
using MLflow.Tracking.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MLflow.Tracking.DynamicProxy.Tests.Equivalence;

/// <summary>
/// The three paths that decide what a tracked method logs must agree by construction: for <see cref="RulesCorpus"/>,
/// the keys the generated wrappers log, the keys the DynamicProxy logs (with the same values and the same read
/// failures), and the keys the analyzers judge (their reader over the corpus's source) are the same sets. A rule
/// changed in one path only fails here.
/// </summary>
public sealed class RulesEquivalenceTests
{
    private static readonly string[] Methods =
        ["Simple", "Flattened", "Interfaces", "Records", "Skipped", "Redacted", "Opaque", "Metrics", "MetricsAsync", "Score", "Artifacts", "ArtifactsAsync", "Summary"];

    [Fact]
    public async Task Generated_wrappers_and_the_proxy_log_the_same_params_metrics_and_read_failures()
    {
        var generated = await RecordGeneratedAsync();
        var proxied = await RecordProxiedAsync();

        foreach (var method in Methods)
        {
            Assert.Equal(Sorted(generated[method].ParamMap), Sorted(proxied[method].ParamMap));
            Assert.Equal(Sorted(generated[method].MetricMap), Sorted(proxied[method].MetricMap));
            Assert.Equal(Sorted(generated[method].Artifacts), Sorted(proxied[method].Artifacts));
            Assert.Equal(FailedKeys(generated[method]), FailedKeys(proxied[method]));
        }
    }

    [Fact]
    public async Task Analyzers_judge_exactly_the_keys_the_generated_wrappers_log()
    {
        var generated = await RecordGeneratedAsync();
        var analyzed = AnalyzedKeys();

        foreach (var method in Methods)
        {
            var run = generated[method];
            // A getter that throws at run time costs its key there; the analyzers cannot know, and judge it anyway.
            var attempted = run.ParamMap.Keys.Concat(run.MetricMap.Keys).Concat(run.Artifacts.Keys).Concat(FailedKeys(run)).Order(StringComparer.Ordinal);
            Assert.Equal(attempted, WithNullObjects(analyzed[method], run.ParamMap).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task The_corpus_shows_each_rule()
    {
        var runs = await RecordGeneratedAsync();

        var simple = runs["Simple"].ParamMap;
        Assert.Equal("0.1", simple["dropout"]);
        Assert.Equal("0.1", simple["rate"]);
        Assert.Equal("1000000000000000000000000000000", simple["big"]);
        Assert.Equal("2024-01-02", simple["day"]);
        Assert.Equal("14:30:05.25", simple["time"]);
        Assert.Equal("00:00:00", simple["midnight"]);
        Assert.Equal("2024-01-02T03:04:05.0000000Z", simple["at"]);
        Assert.Equal("None", simple["none"]);
        Assert.Equal("True", simple["flag"]);
        Assert.Equal("Slow", simple["mode"]);
        Assert.Equal("1.5", simple["half"]);
        Assert.Equal("bert", simple["model_name"]);

        Assert.Equal(
            ["options.Anything", "options.Big", "options.Computed", "options.Day", "options.Dropout", "options.Epochs", "options.MaybeWindow", "options.Missing",
             "options.Mode", "options.Optimizer.Beta", "options.Optimizer.Name", "options.Schedule.Warmup", "options.Time", "options.Window.Overlap",
             "options.Window.Size", "options.seed", "options.user_hash", "deep.One.Two.AtTwo"],
            runs["Flattened"].ParamMap.Keys.Order(StringComparer.Ordinal).ToArray().Where(k => k.StartsWith("options.", StringComparison.Ordinal))
                .Concat(runs["Flattened"].ParamMap.Keys.Where(k => k.StartsWith("deep.", StringComparison.Ordinal))));
        Assert.Equal("0.1", runs["Flattened"].ParamMap["options.Dropout"]);
        Assert.Equal("None", runs["Flattened"].ParamMap["options.MaybeWindow"]);
        Assert.Equal(["options.Throwing"], FailedKeys(runs["Flattened"]));

        Assert.Equal(["admin.Password", "admin.Role", "admin.User", "creds.Password", "creds.User"], runs["Interfaces"].ParamMap.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["kept"], runs["Skipped"].ParamMap.Keys);
        Assert.Equal("len:" + new Options().ToString()!.Length.ToString(CultureInfo.InvariantCulture), runs["Redacted"].ParamMap["options"]);
        Assert.Equal(["Accuracy", "Cost", "Maybe", "Steps", "f1"], runs["Metrics"].MetricMap.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0.25, runs["Metrics"].MetricMap["f1"]);
        Assert.Equal(["loss"], FailedKeys(runs["Metrics"]));
        Assert.Equal(3, runs["MetricsAsync"].MetricMap["Maybe"]);
        Assert.Equal(2.5, runs["Score"].MetricMap["score"]);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["model/weights.bin"] = "bytes:010203", ["tokens.bin"] = "bytes:0405", ["log.txt"] = "bytes:" + Convert.ToHexString("epoch 1"u8),
                ["report.csv"] = "file:report.csv", ["renamed/report.csv"] = "file:report.csv", ["Card"] = "text:card",
            },
            runs["Artifacts"].Artifacts);
        Assert.Equal(["broken.txt"], FailedKeys(runs["Artifacts"]));
        Assert.Equal("text:async card", runs["ArtifactsAsync"].Artifacts["Card"]);
        Assert.Equal("text:# summary 5", Assert.Single(runs["Summary"].Artifacts, a => a.Key == "summary.md").Value);
        Assert.All(runs.Values, run => Assert.Equal(RunStatus.Finished, run.Status));
    }

    /// <summary>
    /// The analyzers see an object's members; a call that passes null for it logs one <c>None</c> param under the
    /// object's own key instead (docs/attributes.md), so that key stands in for the members it would have had.
    /// </summary>
    private static IEnumerable<string> WithNullObjects(string[] analyzed, IReadOnlyDictionary<string, string> logged)
    {
        var nullObjects = logged.Where(p => p.Value == "None" && !analyzed.Contains(p.Key) && analyzed.Any(k => k.StartsWith(p.Key + ".", StringComparison.Ordinal)))
            .Select(p => p.Key)
            .ToArray();
        return analyzed.Where(k => !nullObjects.Any(o => k.StartsWith(o + ".", StringComparison.Ordinal))).Concat(nullObjects);
    }

    private static string[] FailedKeys(RecordedRun run) => run.ReadFailures.Select(f => f.Key).Order(StringComparer.Ordinal).ToArray();

    private static KeyValuePair<string, T>[] Sorted<T>(IReadOnlyDictionary<string, T> map) => map.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();

    private static async Task<IReadOnlyDictionary<string, RecordedRun>> RecordGeneratedAsync()
    {
        var tracker = new RecordingRunTracker();
        using (MlflowTracking.UseTracker(tracker))
        {
            await CallAllAsync(new RulesCorpus());
        }

        return tracker.Runs.ToDictionary(r => r.Definition.RunName);
    }

    private static async Task<IReadOnlyDictionary<string, RecordedRun>> RecordProxiedAsync()
    {
        // The generated wrapper inside the proxied object sees a disabled ambient tracker, so only the proxy tracks.
        var tracker = new RecordingRunTracker();
        using (MlflowTracking.UseTracker(new RecordingRunTracker { IsEnabled = false }))
        {
            await CallAllAsync(TrackingProxy.Create<IRulesCorpus>(new RulesCorpus(), tracker));
        }

        return tracker.Runs.ToDictionary(r => r.Definition.RunName);
    }

    private static async Task CallAllAsync(IRulesCorpus corpus)
    {
        corpus.Simple(3, 0.1, 0.1f, 2.50m, "bert", true, Mode.Slow, Guid.Empty, 4, null, BigInteger.Pow(10, 30), new DateOnly(2024, 1, 2),
            new TimeOnly(14, 30, 5, 250), TimeOnly.MinValue, new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)),
            TimeSpan.FromMinutes(90), (Half)1.5, new Uri("https://example.com/x"), new Version(1, 2, 3), 'x');
        corpus.Flattened(new Options(), new Deep());
        var admin = new AdminCreds();
        corpus.Interfaces(admin, admin);
        corpus.Records(new Optimizer("sgd", 0.5), new Window { Size = 2, Overlap = 0.25 }, new Window { Size = 3 }, null);
        using var stream = new MemoryStream();
        corpus.Skipped([1, 2], ["a"], Task.FromResult(5), new Lazy<int>(() => 6), typeof(string), CultureInfo.InvariantCulture, CancellationToken.None, () => 7, stream, Thread.CurrentThread, 8);
        corpus.Redacted("alice", new Options(), "plain");
        corpus.Opaque(new Optimizer("x", 1), 5);
        corpus.Metrics(1);
        await corpus.MetricsAsync(2);
        corpus.Score(5);
        corpus.Artifacts(1);
        await corpus.ArtifactsAsync(2);
        corpus.Summary(5);
    }

    /// <summary>What the analyzers' reader says each method logs, over the corpus's own source text.</summary>
    private static Dictionary<string, string[]> AnalyzedKeys()
    {
        var compilation = CompileCorpus();
        var known = KnownTypes.TryCreate(compilation)!;
        var type = compilation.GetTypeByMetadataName(typeof(RulesCorpus).FullName!)!;
        var keys = new Dictionary<string, string[]>();
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(m => TrackedRunModel.IsTrackedRun(m, known)))
        {
            keys[method.Name] = TrackedRunModel.GetLeafParams(method, known).Select(p => p.Key)
                .Concat(TrackedRunModel.GetLoggedMetrics(method, known).Select(m => m.Key))
                // A FileInfo without a path keeps its file name, known at run time only: the corpus's is report.csv.
                .Concat(known.Symbols.ArtifactsOf(method).Where(a => a.IsLogged).Select(a => a.Path ?? "report.csv"))
                .ToArray();
        }

        return keys;
    }

    private static CSharpCompilation CompileCorpus()
    {
        using var resource = typeof(RulesEquivalenceTests).Assembly.GetManifestResourceStream("RulesCorpus.cs")!;
        using var reader = new StreamReader(resource);
        var tree = CSharpSyntaxTree.ParseText(reader.ReadToEnd(), new CSharpParseOptions(LanguageVersion.Latest));
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = platform.Append(typeof(TrackedRunAttribute).Assembly.Location).Select(path => MetadataReference.CreateFromFile(path));
        return CSharpCompilation.Create("Corpus", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}
