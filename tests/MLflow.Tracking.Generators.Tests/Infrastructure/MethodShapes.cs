using System.Collections.Generic;

namespace MLflow.Tracking.Generators.Tests.Infrastructure;

/// <summary>One source per method shape the generator supports; each has a golden file of its generated code.</summary>
internal static class MethodShapes
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["SyncValue"] = """
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Trainer
            {
                [TrackedRun(Experiment = "training")]
                public partial double Compute([LogParam] double learningRate, [LogParam("epochs")] int epochCount, bool verbose);
                private double ComputeCore(double learningRate, int epochCount, bool verbose) => learningRate * epochCount;
            }
            """,
        ["Void"] = """
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Jobs
            {
                [TrackedRun(RunName = "cleanup")]
                public partial void Clean([LogParam] string folder);
                private void CleanCore(string folder) { }
            }
            """,
        ["Task"] = """
            using System.Threading;
            using System.Threading.Tasks;
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Jobs
            {
                [TrackedRun]
                public partial Task RefreshAsync([LogParam] int batch, CancellationToken cancellationToken);
                private Task RefreshAsyncCore(int batch, CancellationToken cancellationToken) => Task.Delay(1, cancellationToken);
            }
            """,
        ["TaskOfT"] = """
            using System.Threading;
            using System.Threading.Tasks;
            using MLflow.Tracking;
            namespace Shapes;
            public sealed record Score([property: LogMetric] double Accuracy, [property: LogMetric("f1")] float F1, string Label);
            public partial class Jobs
            {
                [TrackedRun(Experiment = "training")]
                public partial Task<Score> TrainAsync([LogParam] double learningRate, CancellationToken cancellationToken);
                private async Task<Score> TrainAsyncCore(double learningRate, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return new Score(learningRate, 0.5f, "ok");
                }
            }
            """,
        ["ValueTask"] = """
            using System.Threading.Tasks;
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Jobs
            {
                [TrackedRun]
                internal partial ValueTask PingAsync([LogParam] string? host);
                private ValueTask PingAsyncCore(string? host) => default;
            }
            """,
        ["ValueTaskOfT"] = """
            using System.Threading.Tasks;
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Jobs
            {
                [TrackedRun]
                [return: LogMetric("rows")]
                public partial ValueTask<long> CountAsync([LogParam] string table);
                private ValueTask<long> CountAsyncCore(string table) => new(table.Length);
            }
            """,
        ["Static"] = """
            using MLflow.Tracking;
            namespace Shapes;
            public static partial class Functions
            {
                [TrackedRun(Experiment = "math")]
                [return: LogMetric]
                public static partial int Square([LogParam] int value);
                private static int SquareCore(int value) => value * value;
            }
            """,
        ["GenericMethod"] = """
            using System;
            using System.Collections.Generic;
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Picker
            {
                [TrackedRun]
                public partial T Max<T, TList>([LogParam] T seed, TList items)
                    where T : notnull, IComparable<T>
                    where TList : class, IEnumerable<T>, new();
                private T MaxCore<T, TList>(T seed, TList items)
                    where T : notnull, IComparable<T>
                    where TList : class, IEnumerable<T>, new()
                {
                    var best = seed;
                    foreach (var item in items)
                    {
                        if (item.CompareTo(best) > 0) best = item;
                    }
                    return best;
                }
            }
            """,
        ["NestedGenericType"] = """
            using System.Threading.Tasks;
            using MLflow.Tracking;
            namespace Shapes.Deep
            {
                public partial class Outer<TKey> where TKey : notnull
                {
                    internal partial struct Inner<TValue> where TValue : struct
                    {
                        [TrackedRun]
                        public partial Task<TValue> EchoAsync([LogParam] TKey key, [LogParam] TValue value);
                        private Task<TValue> EchoAsyncCore(TKey key, TValue value) => Task.FromResult(value);
                    }
                }
            }
            """,
        ["RecordStruct"] = """
            using MLflow.Tracking;
            namespace Shapes;
            public readonly partial record struct Point(int X, int Y)
            {
                [TrackedRun]
                [return: LogMetric("sum")]
                public partial int Sum([LogParam] int offset);
                private int SumCore(int offset) => X + Y + offset;
            }
            public partial record Shape(string Name)
            {
                [TrackedRun]
                public partial string Describe();
                private string DescribeCore() => Name;
            }
            """,
        ["RefOutInParams"] = """
            using System;
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Buffers
            {
                [TrackedRun]
                public partial int Mutate([LogParam] ref int counter, [LogParam] out string label, [LogParam] in decimal rate, [LogParam] ref readonly long limit, scoped ReadOnlySpan<byte> data, [LogParam] params int[] values);
                private int MutateCore(ref int counter, out string label, in decimal rate, ref readonly long limit, scoped ReadOnlySpan<byte> data, params int[] values)
                {
                    counter++;
                    label = "L" + counter;
                    return values.Length + data.Length;
                }
            }
            """,
        ["SystemMetrics"] = """
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Sampler
            {
                [TrackedRun(Experiment = "training", LogSystemMetrics = true)]
                public partial int Fit([LogParam] int epochs);
                private int FitCore(int epochs) => epochs;
            }
            """,
        ["Defaults"] = """
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Pager
            {
                [TrackedRun]
                public partial int Page([LogParam] int size = 10, [LogParam] string? filter = null, [LogParam] Mode mode = Mode.Fast);
                private int PageCore(int size, string? filter, Mode mode) => size;
            }
            public enum Mode { Fast, Slow }
            """,
        ["Redaction"] = """
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Users
            {
                [TrackedRun]
                public partial void Register([LogParam(Redact = ParamRedaction.Hash)] string userId, [LogParam("prompt", Redact = ParamRedaction.Length)] string? text, [LogParam(Redact = ParamRedaction.Hash)] int pin);
                private void RegisterCore(string userId, string? text, int pin) { }
            }
            """,
        ["FlattenedObject"] = """
            using System;
            using System.Collections.Generic;
            using MLflow.Tracking;
            namespace Shapes;
            public sealed class TrainingOptions
            {
                [LogParam("bs")] public int BatchSize { get; init; } = 32;
                public string? Optimizer { get; init; } = "sgd";
                public double? Momentum { get; init; }
                public DateTimeOffset StartedAt { get; init; }
                public Guid Id { get; init; }
                public TimeSpan Budget { get; init; }
                public Mode Mode { get; init; }
                [LogParam(Redact = ParamRedaction.Hash)] public string Owner { get; init; } = "me";
                public Schedule Schedule { get; init; } = new();
                public Window? Window { get; init; }
                public List<int> Layers { get; init; } = new();
                public int[] Sizes { get; init; } = Array.Empty<int>();
                [Obsolete("old")] public int Legacy { get; init; }
                public readonly int Seed = 7;
                public static int Shared { get; set; }
                internal int Hidden { get; set; }
                public int WriteOnly { set { } }
                public int this[int index] => index;
            }
            public sealed class Schedule
            {
                public double Warmup { get; init; } = 0.1;
                public Schedule? Next { get; init; }
            }
            public struct Window
            {
                public int Size { get; set; }
            }
            public enum Mode { Fast, Slow }
            public partial class Trainer
            {
                [TrackedRun]
                public partial void Fit([LogParam] TrainingOptions options, [LogParam("win")] Window window);
                private void FitCore(TrainingOptions options, Window window) { }
            }
            """,
        ["ReturnLogMetric"] = """
            using MLflow.Tracking;
            namespace Shapes;
            public class BaseResult
            {
                [LogMetric] public long Count { get; init; }
            }
            public sealed class EvalResult : BaseResult
            {
                [LogMetric("acc")] public decimal Accuracy { get; init; }
                [LogMetric] public double? Loss { get; init; }
                [LogMetric] public int Epochs;
                public string Notes { get; init; } = "";
            }
            public partial class Evaluator
            {
                [TrackedRun]
                [return: LogMetric("score")]
                public partial double Evaluate([LogParam] int samples);
                private double EvaluateCore(int samples) => samples / 2.0;

                [TrackedRun]
                [return: LogMetric("maybe")]
                public partial int? TryEvaluate();
                private int? TryEvaluateCore() => null;

                [TrackedRun]
                public partial EvalResult? Full();
                private EvalResult? FullCore() => new EvalResult { Count = 3, Accuracy = 0.5m, Loss = 0.25, Epochs = 2 };
            }
            """,
        ["RunTags"] = """
            using MLflow.Tracking;
            namespace Shapes;
            [RunTag("team", "vision")]
            public partial class Outer
            {
                [RunTag("area", "\"quoted\" \\ path")]
                public partial class Trainer
                {
                    [TrackedRun(Experiment = "training", RunName = "train")]
                    [RunTag("stage", "fit")]
                    [RunTag("owner", "ml")]
                    public partial void Fit();
                    private void FitCore() { }
                }
            }
            """,
        ["LogArtifact"] = """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using MLflow.Tracking;
            namespace Shapes;
            public sealed record Model(
                [property: LogArtifact("model/weights.bin")] byte[] Weights,
                [property: LogArtifact("tokens.bin")] ReadOnlyMemory<byte> Tokens,
                [property: LogArtifact] FileInfo? Report,
                [property: LogMetric] double Accuracy)
            {
                [LogArtifact("log.txt")] public Stream? Log { get; init; }
                [LogArtifact("card.md")] public string Card => "accuracy " + Accuracy.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            public partial class Exporter
            {
                [TrackedRun]
                [return: LogArtifact("model.json")]
                public partial string Export([LogParam] string name);
                private string ExportCore(string name) => name;

                [TrackedRun]
                public partial Task<Model?> TrainAsync();
                private Task<Model?> TrainAsyncCore() => Task.FromResult<Model?>(null);

                [TrackedRun]
                [return: LogArtifact]
                public partial ValueTask<FileInfo> SaveAsync();
                private ValueTask<FileInfo> SaveAsyncCore() => new(new FileInfo("out.bin"));
            }
            """,
        ["Accessibility"] = """
            using MLflow.Tracking;
            public partial class GlobalJobs
            {
                [TrackedRun] private partial void Hidden();
                private void HiddenCore() { }
                [TrackedRun] protected internal virtual partial int Shared(int @class);
                private int SharedCore(int @class) => @class;
                [TrackedRun] private protected partial string Narrow();
                private string NarrowCore() => "n";
                [TrackedRun] internal static partial void Overloaded(int value);
                private static void OverloadedCore(int value) { }
                [TrackedRun] internal static partial void Overloaded(string value);
                private static void OverloadedCore(string value) { }
                public void Use() { Hidden(); _ = Narrow(); }
            }
            """,
    };
}
