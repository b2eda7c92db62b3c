using System.Collections.Generic;

namespace MLflow.Tracking.Generators.Tests.Infrastructure;

/// <summary>User shapes the generator must implement with code that compiles warning-free.</summary>
internal static class LegalShapes
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["UnsafeAsyncMethod"] = """
            using System.Threading.Tasks;
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Jobs
            {
                [TrackedRun]
                public unsafe partial Task<int> RunAsync([LogParam] int size);
                private async Task<int> RunAsyncCore(int size)
                {
                    await Task.Yield();
                    return size;
                }
            }
            """,
        ["UnsafeTypeWithAsyncMethod"] = """
            using System.Threading.Tasks;
            using MLflow.Tracking;
            namespace Shapes;
            public unsafe partial class Jobs
            {
                [TrackedRun]
                public partial Task RunAsync([LogParam] int size);
                private Task RunAsyncCore(int size) => Task.Delay(size);
            }
            """,
        ["UnsafeTypeWithPointerArray"] = """
            using MLflow.Tracking;
            namespace Shapes;
            public unsafe partial class Buffers
            {
                [TrackedRun]
                public partial int Count([LogParam] int*[] items, [LogParam] int limit);
                private int CountCore(int*[] items, int limit) => items.Length + limit;

                [TrackedRun]
                public static partial int Read(int* value);
                private static int ReadCore(int* value) => *value;
            }
            """,
        ["OverrideWithDefaultConstraint"] = """
            using System.Threading.Tasks;
            using MLflow.Tracking;
            namespace Shapes;
            public abstract class Store
            {
                public abstract Task<T?> GetAsync<T>(T? fallback);
                public abstract T Pick<T>(T value) where T : class;
            }
            public partial class MemoryStore : Store
            {
                [TrackedRun]
                public override partial Task<T?> GetAsync<T>([LogParam] T? fallback) where T : default;
                private Task<T?> GetAsyncCore<T>(T? fallback) => Task.FromResult(fallback);

                [TrackedRun]
                public override partial T Pick<T>(T value) where T : class;
                private T PickCore<T>(T value) where T : class => value;
            }
            """,
        ["AllowsRefStructWithoutLogParam"] = """
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Generic
            {
                [TrackedRun]
                public partial int Measure<T>(T value, [LogParam] int size) where T : allows ref struct;
                private int MeasureCore<T>(T value, int size) where T : allows ref struct => size;
            }
            """,
        ["DoesNotReturn"] = """
            using System;
            using System.Diagnostics.CodeAnalysis;
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Guard
            {
                [TrackedRun]
                [DoesNotReturn]
                public partial void Fail([LogParam] string reason);
                [DoesNotReturn]
                private void FailCore(string reason) => throw new InvalidOperationException(reason);
            }
            """,
        ["ObsoleteAndExperimentalTypes"] = """
            using System;
            using System.Diagnostics.CodeAnalysis;
            using MLflow.Tracking;
            #pragma warning disable CS0612, CS0618, EXP001
            namespace Shapes;
            [Obsolete("use NewOptions")]
            public sealed class OldOptions { public int Size { get; init; } }
            [Obsolete]
            public sealed class Older { }
            [Experimental("EXP001")]
            public sealed class Preview { }
            public partial class Legacy
            {
                [TrackedRun]
                public partial Preview Run([LogParam] OldOptions options, Older older, Preview preview);
                private Preview RunCore(OldOptions options, Older older, Preview preview) => preview;
            }
            """,
        ["TypeNamedVarAndParameterNamedLikeCore"] = """
            using System;
            using System.Threading.Tasks;
            using MLflow.Tracking;
            #pragma warning disable CS8981
            namespace Shapes;
            public sealed class var { }
            public partial class Calls
            {
                [TrackedRun]
                public partial int Run(Func<int, int> RunCore, [LogParam] int x);
                private int RunCore(Func<int, int> RunCore, int x) => RunCore(x);

                [TrackedRun]
                public static partial int StaticRun(Func<int, int> StaticRunCore, [LogParam] int x);
                private static int StaticRunCore(Func<int, int> StaticRunCore, int x) => StaticRunCore(x);

                [TrackedRun]
                public partial Task<int> RunAsync(Func<int, Task<int>> RunAsyncCore, [LogParam] int x);
                private Task<int> RunAsyncCore(Func<int, Task<int>> RunAsyncCore, int x) => RunAsyncCore(x);

                [TrackedRun]
                public partial int Plain([LogParam] int x);
                private static int PlainCore(int x) => x;
            }
            """,
        ["HintNameCollisions"] = """
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Box<T>
            {
                [TrackedRun] public partial int M(int x);
                private int MCore(int x) => x;
            }
            public partial class Box_1
            {
                [TrackedRun] public partial int M(int x);
                private int MCore(int x) => x;
            }
            public partial class Over
            {
                [TrackedRun] public partial int M(int x);
                private int MCore(int x) => x;
                [TrackedRun] public partial double M(double x);
                private double MCore(double x) => x;
                [TrackedRun] public partial int M_0(int x);
                private int M_0Core(int x) => x;
            }
            public partial class Case
            {
                [TrackedRun] public partial int Run(int x);
                private int RunCore(int x) => x;
                [TrackedRun] public partial int run(int x);
                private int runCore(int x) => x;
            }
            """,
        ["ParametersNamedLikeLocals"] = """
            using System.Threading.Tasks;
            using MLflow.Tracking;
            namespace Shapes;
            public sealed class Options { public int Size { get; init; } }
            public sealed record Score([property: LogMetric] double? Accuracy);
            public partial class Clash
            {
                [TrackedRun]
                public partial Score? Run([LogParam] int __run, [LogParam] int __tracker, [LogParam] int __result, [LogParam] int __ex, [LogParam] Options? __p0, [LogParam] int __value, [LogParam] int __m0);
                private Score? RunCore(int __run, int __tracker, int __result, int __ex, Options? __p0, int __value, int __m0) => new Score(__run);

                [TrackedRun]
                public partial Task<Score?> RunAsync([LogParam] int __run, [LogParam] int __tracker, [LogParam] int ___result);
                private Task<Score?> RunAsyncCore(int __run, int __tracker, int ___result) => Task.FromResult<Score?>(new Score(__run));
            }
            """,
        ["ValueTaskGenericMethodInGenericStruct"] = """
            using System.Threading.Tasks;
            using MLflow.Tracking;
            namespace Shapes;
            public partial struct Slot<T> where T : notnull
            {
                public T Value { get; set; }

                [TrackedRun]
                public readonly partial ValueTask<TOut> MapAsync<TOut>([LogParam] TOut seed) where TOut : struct;
                private readonly ValueTask<TOut> MapAsyncCore<TOut>(TOut seed) where TOut : struct => new(seed);
            }
            """,
        ["SpansScopedAndRefReadonly"] = """
            using System;
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Spans
            {
                [TrackedRun]
                public partial int Sum([LogParam] int start, params ReadOnlySpan<int> values);
                private int SumCore(int start, params ReadOnlySpan<int> values) => start + values.Length;

                [TrackedRun]
                public partial int Length(scoped ReadOnlySpan<byte> data);
                private int LengthCore(scoped ReadOnlySpan<byte> data) => data.Length;

                [TrackedRun]
                public partial long Read([LogParam] ref readonly long value, [LogParam] in decimal rate);
                private long ReadCore(ref readonly long value, in decimal rate) => value + (long)rate;
            }
            """,
        ["RequiredMembers"] = """
            using MLflow.Tracking;
            namespace Shapes;
            public sealed class Settings
            {
                public required int Size { get; init; }
                public required string Name { get; init; }
            }
            public partial class Configured
            {
                public required string Owner { get; init; }

                [TrackedRun]
                public partial int Apply([LogParam] Settings settings);
                private int ApplyCore(Settings settings) => settings.Size;
            }
            """,
        ["ExtensionMethods"] = """
            using System.Threading.Tasks;
            using MLflow.Tracking;
            namespace Shapes;
            public static partial class Extensions
            {
                [TrackedRun]
                public static partial int Twice([LogParam] this int value);
                private static int TwiceCore(this int value) => value * 2;

                [TrackedRun]
                public static partial Task<string> EchoAsync([LogParam] this string text);
                private static Task<string> EchoAsyncCore(this string text) => Task.FromResult(text);
            }
            """,
        ["InterfaceImplementations"] = """
            using System.Threading.Tasks;
            using MLflow.Tracking;
            namespace Shapes;
            public interface IRunner
            {
                int Run(int x);
                Task<int> RunAsync(int x);
            }
            public partial class Runner : IRunner
            {
                [TrackedRun]
                public partial int Run([LogParam] int x);
                private int RunCore(int x) => x;

                [TrackedRun]
                public virtual partial Task<int> RunAsync([LogParam] int x);
                private Task<int> RunAsyncCore(int x) => Task.FromResult(x);
            }
            """,
        ["NullabilityAttributes"] = """
            using System.Diagnostics.CodeAnalysis;
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Lookup
            {
                [TrackedRun]
                [return: NotNullIfNotNull(nameof(fallback))]
                public partial string? Find([LogParam] int key, string? fallback);
                [return: NotNullIfNotNull(nameof(fallback))]
                private string? FindCore(int key, string? fallback) => key > 0 ? "k" : fallback;

                [TrackedRun]
                public partial string? Maybe([LogParam] string? text);
                private string MaybeCore(string? text) => text ?? "";
            }
            """,
        ["TryPatternWithNotNullWhen"] = """
            using System.Diagnostics.CodeAnalysis;
            using MLflow.Tracking;
            namespace Shapes;
            public partial class Cache
            {
                [TrackedRun]
                public partial bool TryGet([LogParam] int key, [NotNullWhen(true)] out string? value);
                private bool TryGetCore(int key, [NotNullWhen(true)] out string? value)
                {
                    value = key > 0 ? "v" : null;
                    return value is not null;
                }
            }
            """,
        ["PartialMethodInInterface"] = """
            using MLflow.Tracking;
            namespace Shapes;
            public partial interface IShape
            {
                int Side { get; }

                [TrackedRun]
                public partial int Area([LogParam] int scale);
                private int AreaCore(int scale) => Side * Side * scale;
            }
            """,
        ["ReadonlyAndRefStructs"] = """
            using System;
            using MLflow.Tracking;
            namespace Shapes;
            public readonly partial struct Frozen
            {
                public int X { get; init; }

                [TrackedRun]
                public partial int Get([LogParam] int offset);
                private int GetCore(int offset) => X + offset;
            }
            public ref partial struct Reader
            {
                public ReadOnlySpan<byte> Data;

                [TrackedRun]
                public partial int Length([LogParam] int extra);
                private readonly int LengthCore(int extra) => Data.Length + extra;
            }
            """,
    };
}
