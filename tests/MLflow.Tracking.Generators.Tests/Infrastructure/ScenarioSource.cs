namespace MLflow.Tracking.Generators.Tests.Infrastructure;

/// <summary>The tracked methods the compile-and-run tests call, one per shape and behaviour.</summary>
internal static class ScenarioSource
{
    public const string Text = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using MLflow.Tracking;

        namespace Scenarios;

        public sealed class Options
        {
            [LogParam("bs")] public int BatchSize { get; init; } = 32;
            public string? Optimizer { get; init; } = "sgd";
            public Schedule Schedule { get; init; } = new();
            public List<int> Layers { get; init; } = new() { 1, 2 };
        }

        public sealed class Schedule
        {
            public double Warmup { get; init; } = 0.25;
        }

        public sealed record Result([property: LogMetric] double Accuracy, [property: LogMetric("f1")] float F1, int Count);

        [RunTag("team", "vision")]
        public partial class Trainer
        {
            public static Exception? LastThrown { get; set; }

            public List<string> Calls { get; } = new();

            [TrackedRun(Experiment = "training", RunName = "train")]
            [RunTag("stage", "fit")]
            public partial Result Train([LogParam] double lr, [LogParam("epochs")] int epochCount, [LogParam] Options? options, [LogParam(Redact = ParamRedaction.Hash)] string userId, CancellationToken ct);
            private Result TrainCore(double lr, int epochCount, Options? options, string userId, CancellationToken ct)
            {
                ActiveRun.Current?.LogMetric("loss", 0.5, step: 1);
                Calls.Add("train:" + (ActiveRun.Current is null ? "untracked" : "tracked"));
                return new Result(0.9, 0.75f, epochCount);
            }

            [TrackedRun]
            public partial void Note([LogParam] string? text);
            private void NoteCore(string? text) => Calls.Add(text ?? "null");

            [TrackedRun]
            public partial Task WaitAsync([LogParam] int ms);
            private async Task WaitAsyncCore(int ms)
            {
                await Task.Delay(ms);
                Calls.Add("waited:" + ActiveRun.Current?.RunName);
            }

            [TrackedRun]
            public partial Task<Result> TrainAsync([LogParam] double lr, CancellationToken ct);
            private async Task<Result> TrainAsyncCore(double lr, CancellationToken ct)
            {
                await Task.Yield();
                ct.ThrowIfCancellationRequested();
                return new Result(lr, 1f, 1);
            }

            [TrackedRun]
            public partial ValueTask PingAsync([LogParam] string host);
            private async ValueTask PingAsyncCore(string host)
            {
                await Task.Yield();
                Calls.Add("ping:" + host);
            }

            [TrackedRun]
            [return: LogMetric("rows")]
            public partial ValueTask<long> CountAsync([LogParam] string table);
            private async ValueTask<long> CountAsyncCore(string table)
            {
                await Task.Yield();
                return table.Length;
            }

            [TrackedRun]
            [return: LogMetric("score")]
            public static partial int Square([LogParam] int value);
            private static int SquareCore(int value) => value * value;

            [TrackedRun]
            public partial T Echo<T>([LogParam] T value) where T : notnull;
            private T EchoCore<T>(T value) where T : notnull => value;

            [TrackedRun]
            public partial int Mutate([LogParam] ref int counter, out string label, [LogParam] in decimal rate, [LogParam] params int[] values);
            private int MutateCore(ref int counter, out string label, in decimal rate, params int[] values)
            {
                counter++;
                label = "L" + counter;
                return values.Length;
            }

            [TrackedRun]
            public partial int Page([LogParam] int size = 10, [LogParam] string? filter = null);
            private int PageCore(int size, string? filter) => size;

            public int PageWithDefaults() => Page();

            [TrackedRun]
            public partial void Explode([LogParam] string reason);
            private void ExplodeCore(string reason)
            {
                var exception = new InvalidOperationException(reason);
                LastThrown = exception;
                throw exception;
            }

            [TrackedRun]
            public partial Task ExplodeAsync();
            private async Task ExplodeAsyncCore()
            {
                await Task.Yield();
                var exception = new InvalidOperationException("async boom");
                LastThrown = exception;
                throw exception;
            }

            [TrackedRun]
            public partial Task<string> OuterAsync([LogParam] int id);
            private async Task<string> OuterAsyncCore(int id)
            {
                await Task.Yield();
                var inner = Inner(id);
                return inner + "/" + ActiveRun.Current?.RunName;
            }

            [TrackedRun]
            public partial string Inner([LogParam] int id);
            private string InnerCore(int id) => ActiveRun.Current?.RunName + ":" + ActiveRun.Current?.Parent?.RunName;

            [TrackedRun]
            public partial Task<int> WorkAsync([LogParam] int id);
            private async Task<int> WorkAsyncCore(int id)
            {
                await Task.Yield();
                ActiveRun.Current?.LogMetric("before", id);
                await Task.Delay(1);
                ActiveRun.Current?.LogMetric("after", id);
                return id;
            }
        }

        public partial class Outer<T>
        {
            public partial record struct Inner(int X)
            {
                [TrackedRun]
                [return: LogMetric("x")]
                public readonly partial int Get([LogParam] T tag);
                private readonly int GetCore(T tag) => X;
            }
        }

        public partial class Awkward
        {
            [TrackedRun]
            public partial int Clash([LogParam] int __run, [LogParam] int __tracker, [LogParam] Options? __p0);
            private int ClashCore(int __run, int __tracker, Options? __p0) => __run + __tracker;

            [TrackedRun]
            public partial int Apply(Func<int, int> ApplyCore, [LogParam] int x);
            private int ApplyCore(Func<int, int> ApplyCore, int x) => ApplyCore(x) + 1;

            [TrackedRun(RunName = "int")]
            public partial string Over([LogParam] int x);
            private string OverCore(int x) => "int";

            [TrackedRun(RunName = "double")]
            public partial string Over([LogParam] double x);
            private string OverCore(double x) => "double";

            [TrackedRun]
            [System.Diagnostics.CodeAnalysis.DoesNotReturn]
            public partial void Fail([LogParam] string reason);
            [System.Diagnostics.CodeAnalysis.DoesNotReturn]
            private void FailCore(string reason) => throw new InvalidOperationException(reason);
        }

        public sealed class Bundle
        {
            [LogArtifact("model/weights.bin")] public byte[]? Weights { get; init; }
            [LogArtifact("log.txt")] public System.IO.Stream? Log { get; init; }
            [LogArtifact] public System.IO.FileInfo? Report { get; init; }
            [LogArtifact("renamed/report.csv")] public System.IO.FileInfo? Same { get; init; }
            [LogArtifact("tokens.bin")] public ReadOnlyMemory<byte> Tokens { get; init; }
            [LogArtifact("notes.md")] public string? Notes { get; init; }
            [LogArtifact("summary.txt")] public string Summary => Weights is null ? throw new InvalidOperationException("no weights") : "weights: " + Weights.Length;
        }

        public sealed class OneWayStream(byte[] content) : System.IO.MemoryStream(content)
        {
            public override bool CanSeek => false;
        }

        public partial class Exporter
        {
            [TrackedRun(Experiment = "export")]
            [return: LogArtifact("model.json")]
            public partial string Export([LogParam] string name);
            private string ExportCore(string name) => "{\"name\":\"" + name + "\"}";

            [TrackedRun]
            [return: LogArtifact("model.json")]
            public partial string? ExportNothing();
            private string? ExportNothingCore() => null;

            [TrackedRun]
            public partial Task<Bundle?> PackAsync(Bundle? bundle);
            private async Task<Bundle?> PackAsyncCore(Bundle? bundle)
            {
                await Task.Yield();
                return bundle;
            }

            [TrackedRun]
            [return: LogArtifact("stream.bin")]
            public partial System.IO.Stream Open(System.IO.Stream stream);
            private System.IO.Stream OpenCore(System.IO.Stream stream) => stream;
        }
        """;
}
