// The rules-equivalence corpus: one set of param, member and result types covering every rule in
// docs/attributes.md ("What gets logged"). RulesEquivalenceTests runs it through the generated wrappers (this file is
// compiled with the generator), through the DynamicProxy, and through the analyzers' reader (this file's text compiled
// with Roslyn), and requires the same keys from all three. Keep it free of anything but System and MLflow.Tracking.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.DynamicProxy.Tests.Equivalence;

public enum Mode
{
    Fast,
    Slow,
}

public sealed class Schedule
{
    public int Warmup { get; init; } = 5;

    // A cycle: flattened until the type repeats on the path.
    public Schedule? Next { get; init; }
}

public sealed record Optimizer(string Name, double Beta);

public struct Window
{
    public int Size;

    public double Overlap { get; set; }
}

public interface ICreds
{
    string User { get; }

    string Password { get; }
}

public interface IAdminCreds : ICreds
{
    string Role { get; }
}

public sealed class AdminCreds : IAdminCreds
{
    public string User { get; init; } = "root";

    public string Password { get; init; } = "hunter2";

    public string Role { get; init; } = "admin";

    // Not on the interfaces: a param declared as ICreds or IAdminCreds never logs it.
    public string Extra { get; init; } = "extra";
}

public sealed class Deep
{
    public Level1 One { get; init; } = new();

    public sealed class Level1
    {
        public Level2 Two { get; init; } = new();
    }

    public sealed class Level2
    {
        public Level3 Three { get; init; } = new();

        public int AtTwo { get; init; } = 2;
    }

    public sealed class Level3
    {
        // Below the flattening depth: never logged.
        public int AtThree { get; init; } = 3;
    }
}

public sealed class Options
{
    public static int Static { get; } = 1;

    public const int Constant = 1;

    public int Epochs { get; init; } = 3;

    public float Dropout { get; init; } = 0.1f;

    public Mode Mode { get; init; } = Mode.Slow;

    public Optimizer Optimizer { get; init; } = new("adam", 0.9);

    public Window Window { get; init; } = new() { Size = 4, Overlap = 0.5 };

    public Window? MaybeWindow { get; init; }

    public Schedule Schedule { get; init; } = new() { Next = new Schedule() };

    public int[] Layers { get; init; } = [1, 2];

    public List<string> Labels { get; init; } = ["a"];

    public Dictionary<string, int> Counts { get; init; } = new() { ["x"] = 1 };

    public IEnumerable<int> Stream { get; init; } = [1];

    [Obsolete("Replaced by Epochs.")]
    public int Legacy { get; init; } = 9;

    public int Throwing => throw new InvalidOperationException("getter failed");

    public int Computed => Epochs * 2;

    public Task<int> Pending { get; init; } = Task.FromResult(1);

    public Lazy<int> Later { get; init; } = new(() => 1);

    public Type Kind { get; init; } = typeof(int);

    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    public CancellationToken Token { get; init; }

    public Func<int> Factory { get; init; } = () => 1;

    public object Anything { get; init; } = 42;

    [LogParam("user_hash", Redact = ParamRedaction.Hash)]
    public string User { get; init; } = "alice";

    [LogParam("seed")]
    public long Seed { get; init; } = 7;

    public BigInteger Big { get; init; } = BigInteger.Pow(10, 30);

    public DateOnly Day { get; init; } = new(2024, 1, 2);

    public TimeOnly Time { get; init; } = new(14, 30, 5, 250);

    public string? Missing { get; init; }

    public int WriteOnly
    {
        set { }
    }

    public int this[int index] => index;

    internal int Internal { get; init; }
}

public sealed record Result(
    [property: LogMetric] double Accuracy,
    [property: LogMetric("f1")] float F1,
    [property: LogMetric] int? Maybe,
    [property: LogMetric] decimal Cost,
    string Notes)
{
    [LogMetric]
    [Obsolete("Use Accuracy.")]
    public double OldAccuracy => Accuracy;

    [LogMetric("loss")]
    public double Loss => throw new InvalidOperationException("metric getter failed");

    [LogMetric]
    public long Steps = 12;
}

public sealed class Exported
{
    [LogArtifact("model/weights.bin")] public byte[] Weights { get; init; } = [1, 2, 3];

    [LogArtifact("tokens.bin")] public ReadOnlyMemory<byte> Tokens { get; init; } = new byte[] { 4, 5 };

    [LogArtifact("log.txt")] public MemoryStream Log { get; init; } = new("epoch 1"u8.ToArray());

    [LogArtifact] public FileInfo Report { get; init; } = new("report.csv");

    [LogArtifact("renamed/report.csv")] public FileInfo Renamed => Report;

    [LogArtifact] public string Card { get; init; } = "card";

    [LogArtifact("broken.txt")] public string Broken => throw new InvalidOperationException("artifact getter failed");

    [LogArtifact("old.txt")]
    [Obsolete("Use Card.")]
    public string Old => "old";
}

/// <summary>The corpus's methods; the same attributes on the generated implementation serve the proxy.</summary>
public interface IRulesCorpus
{
    void Simple(int count, double rate, float dropout, decimal budget, string name, bool flag, Mode mode, Guid id, int? maybe, int? none,
        BigInteger big, DateOnly day, TimeOnly time, TimeOnly midnight, DateTime at, DateTimeOffset atOffset, TimeSpan span, Half half, Uri uri, Version version, char letter);

    void Flattened(Options options, Deep deep);

    void Interfaces(ICreds creds, IAdminCreds admin);

    void Records(Optimizer optimizer, Window window, Window? maybeWindow, Window? noWindow);

    void Skipped(int[] layers, List<string> labels, Task<int> pending, Lazy<int> later, Type kind, CultureInfo culture, CancellationToken token, Func<int> factory, Stream stream, Thread thread, int kept);

    void Redacted(string userId, Options options, string plain);

    void Opaque(object boxed, object number);

    Result Metrics(int n);

    Task<Result> MetricsAsync(int n);

    double Score(int n);

    Exported Artifacts(int n);

    Task<Exported?> ArtifactsAsync(int n);

    string Summary(int n);
}

public partial class RulesCorpus : IRulesCorpus
{
    [TrackedRun]
    public partial void Simple([LogParam] int count, [LogParam] double rate, [LogParam] float dropout, [LogParam] decimal budget, [LogParam("model_name")] string name,
        [LogParam] bool flag, [LogParam] Mode mode, [LogParam] Guid id, [LogParam] int? maybe, [LogParam] int? none, [LogParam] BigInteger big, [LogParam] DateOnly day,
        [LogParam] TimeOnly time, [LogParam] TimeOnly midnight, [LogParam] DateTime at, [LogParam] DateTimeOffset atOffset, [LogParam] TimeSpan span, [LogParam] Half half, [LogParam] Uri uri,
        [LogParam] Version version, [LogParam] char letter);

    [TrackedRun]
    public partial void Flattened([LogParam] Options options, [LogParam] Deep deep);

    [TrackedRun]
    public partial void Interfaces([LogParam] ICreds creds, [LogParam] IAdminCreds admin);

    [TrackedRun]
    public partial void Records([LogParam] Optimizer optimizer, [LogParam] Window window, [LogParam] Window? maybeWindow, [LogParam] Window? noWindow);

    [TrackedRun]
    public partial void Skipped([LogParam] int[] layers, [LogParam] List<string> labels, [LogParam] Task<int> pending, [LogParam] Lazy<int> later, [LogParam] Type kind,
        [LogParam] CultureInfo culture, [LogParam] CancellationToken token, [LogParam] Func<int> factory, [LogParam] Stream stream, [LogParam] Thread thread, [LogParam] int kept);

    [TrackedRun]
    public partial void Redacted([LogParam(Redact = ParamRedaction.Hash)] string userId, [LogParam(Redact = ParamRedaction.Length)] Options options, [LogParam] string plain);

    [TrackedRun]
    public partial void Opaque([LogParam] object boxed, [LogParam("num")] object number);

    [TrackedRun]
    public partial Result Metrics([LogParam] int n);

    [TrackedRun]
    public partial Task<Result> MetricsAsync([LogParam] int n);

    [TrackedRun]
    [return: LogMetric("score")]
    public partial double Score([LogParam] int n);

    private static void SimpleCore(int count, double rate, float dropout, decimal budget, string name, bool flag, Mode mode, Guid id, int? maybe, int? none,
        BigInteger big, DateOnly day, TimeOnly time, TimeOnly midnight, DateTime at, DateTimeOffset atOffset, TimeSpan span, Half half, Uri uri, Version version, char letter)
    {
    }

    private static void FlattenedCore(Options options, Deep deep)
    {
    }

    private static void InterfacesCore(ICreds creds, IAdminCreds admin)
    {
    }

    private static void RecordsCore(Optimizer optimizer, Window window, Window? maybeWindow, Window? noWindow)
    {
    }

    private static void SkippedCore(int[] layers, List<string> labels, Task<int> pending, Lazy<int> later, Type kind, CultureInfo culture, CancellationToken token, Func<int> factory, Stream stream, Thread thread, int kept)
    {
    }

    private static void RedactedCore(string userId, Options options, string plain)
    {
    }

    private static void OpaqueCore(object boxed, object number)
    {
    }

    private static Result MetricsCore(int n) => new(0.5, 0.25f, n + 1, 1.5m, "notes");

    private static Task<Result> MetricsAsyncCore(int n) => Task.FromResult(new Result(0.75, 0.5f, 3, 2m, "async"));

    private static double ScoreCore(int n) => n / 2.0;

    [TrackedRun]
    public partial Exported Artifacts([LogParam] int n);

    [TrackedRun]
    public partial Task<Exported?> ArtifactsAsync([LogParam] int n);

    [TrackedRun]
    [return: LogArtifact("summary.md")]
    public partial string Summary([LogParam] int n);

    private static Exported ArtifactsCore(int n) => new();

    private static async Task<Exported?> ArtifactsAsyncCore(int n)
    {
        await Task.Yield();
        return new Exported { Card = "async card" };
    }

    private static string SummaryCore(int n) => "# summary " + n.ToString(CultureInfo.InvariantCulture);
}
