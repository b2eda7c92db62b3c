using System.Collections.Generic;

namespace MLflow.Tracking.Shared;

/// <summary>Why a <c>[LogParam]</c> value (or a member of one) is not logged.</summary>
internal enum SkipReason
{
    /// <summary>It is logged.</summary>
    None,

    /// <summary>Arrays and other <c>IEnumerable</c>s: enumerating could be endless, lazy or expensive.</summary>
    Collection,

    /// <summary>Tasks: reading a result blocks the caller until the task completes.</summary>
    Awaitable,

    /// <summary><c>Lazy&lt;T&gt;</c>: reading <c>Value</c> runs its factory.</summary>
    Lazy,

    /// <summary>Delegates: there is nothing to read but the method they call.</summary>
    Delegate,

    /// <summary>Reflection objects (<c>Type</c>, <c>MemberInfo</c>, <c>Assembly</c>...): their getters throw or load metadata.</summary>
    Reflection,

    /// <summary>Culture objects: dozens of settings, none of them a parameter of the run.</summary>
    Culture,

    /// <summary>Handles, streams, threads and cancellation: reading allocates kernel objects or has side effects.</summary>
    Handle,

    /// <summary>Ref structs and pointers: they cannot be boxed or read outside the call.</summary>
    RefLike,
}

/// <summary>
/// What a tracked method logs, decided once for the generator, the analyzers and the DynamicProxy: which types are one
/// value, which are skipped and why, which are metric numbers, how deep objects are flattened. Types are named by
/// their full metadata name (<c>System.Threading.Tasks.Task`1</c>), which Roslyn and reflection both give.
/// </summary>
internal static class LoggedTypeRules
{
    /// <summary>How many object levels are flattened below a <c>[LogParam]</c>: <c>options.Inner.Deeper.X</c> at most.</summary>
    public const int MaxObjectDepth = 3;

    /// <summary>Logged as one formatted param (after unwrapping <c>Nullable&lt;T&gt;</c>; enums are too).</summary>
    private static readonly HashSet<string> SingleValues = new()
    {
        "System.String", "System.Boolean", "System.Char",
        "System.SByte", "System.Byte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32",
        "System.Int64", "System.UInt64", "System.IntPtr", "System.UIntPtr", "System.Int128", "System.UInt128",
        "System.Half", "System.Single", "System.Double", "System.Decimal", "System.Numerics.BigInteger",
        "System.DateTime", "System.DateTimeOffset", "System.DateOnly", "System.TimeOnly", "System.TimeSpan",
        "System.Guid", "System.Uri", "System.Version",
    };

    /// <summary>Numbers a <c>[LogMetric]</c> can log (converted to double), after unwrapping <c>Nullable&lt;T&gt;</c>.</summary>
    private static readonly HashSet<string> MetricNumbers = new()
    {
        "System.SByte", "System.Byte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32",
        "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.Decimal",
    };

    /// <summary>Types (and, for classes, everything derived from them) that are never read.</summary>
    private static readonly Dictionary<string, SkipReason> Skipped = new()
    {
        ["System.Threading.Tasks.Task"] = SkipReason.Awaitable,
        ["System.Threading.Tasks.Task`1"] = SkipReason.Awaitable,
        ["System.Threading.Tasks.ValueTask"] = SkipReason.Awaitable,
        ["System.Threading.Tasks.ValueTask`1"] = SkipReason.Awaitable,
        ["System.Runtime.CompilerServices.ConfiguredTaskAwaitable"] = SkipReason.Awaitable,
        ["System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1"] = SkipReason.Awaitable,
        ["System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable"] = SkipReason.Awaitable,
        ["System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1"] = SkipReason.Awaitable,
        ["System.Threading.Tasks.TaskCompletionSource"] = SkipReason.Awaitable,
        ["System.Threading.Tasks.TaskCompletionSource`1"] = SkipReason.Awaitable,
        ["System.Lazy`1"] = SkipReason.Lazy,
        ["System.Lazy`2"] = SkipReason.Lazy,
        ["System.Delegate"] = SkipReason.Delegate,
        ["System.Type"] = SkipReason.Reflection,
        ["System.Reflection.MemberInfo"] = SkipReason.Reflection,
        ["System.Reflection.ParameterInfo"] = SkipReason.Reflection,
        ["System.Reflection.Assembly"] = SkipReason.Reflection,
        ["System.Reflection.Module"] = SkipReason.Reflection,
        ["System.RuntimeTypeHandle"] = SkipReason.Reflection,
        ["System.RuntimeMethodHandle"] = SkipReason.Reflection,
        ["System.RuntimeFieldHandle"] = SkipReason.Reflection,
        ["System.Globalization.CultureInfo"] = SkipReason.Culture,
        ["System.Globalization.TextInfo"] = SkipReason.Culture,
        ["System.Globalization.CompareInfo"] = SkipReason.Culture,
        ["System.Globalization.NumberFormatInfo"] = SkipReason.Culture,
        ["System.Globalization.DateTimeFormatInfo"] = SkipReason.Culture,
        ["System.Globalization.Calendar"] = SkipReason.Culture,
        ["System.Globalization.RegionInfo"] = SkipReason.Culture,
        ["System.Threading.CancellationToken"] = SkipReason.Handle,
        ["System.Threading.CancellationTokenSource"] = SkipReason.Handle,
        ["System.Threading.WaitHandle"] = SkipReason.Handle,
        ["System.Runtime.InteropServices.SafeHandle"] = SkipReason.Handle,
        ["System.Runtime.InteropServices.GCHandle"] = SkipReason.Handle,
        ["System.IO.Stream"] = SkipReason.Handle,
        ["System.IO.TextReader"] = SkipReason.Handle,
        ["System.IO.TextWriter"] = SkipReason.Handle,
        ["System.Threading.Thread"] = SkipReason.Handle,
        ["System.Threading.ExecutionContext"] = SkipReason.Handle,
        ["System.Threading.SynchronizationContext"] = SkipReason.Handle,
        ["System.Threading.Tasks.TaskScheduler"] = SkipReason.Handle,
        ["System.Threading.Timer"] = SkipReason.Handle,
        ["System.Diagnostics.Process"] = SkipReason.Handle,
        ["System.IServiceProvider"] = SkipReason.Handle,
    };

    /// <summary>Whether a value of the named type is logged as one param.</summary>
    public static bool IsSingleValue(string fullMetadataName) => SingleValues.Contains(fullMetadataName);

    /// <summary>Whether the named type is a number a metric can hold.</summary>
    public static bool IsMetricNumber(string fullMetadataName) => MetricNumbers.Contains(fullMetadataName);

    /// <summary>Why values of the named type (or generic definition) are never read; callers also ask for each base type.</summary>
    public static SkipReason SkipReasonOf(string fullMetadataName) =>
        Skipped.TryGetValue(fullMetadataName, out var reason) ? reason : SkipReason.None;

    /// <summary>The reason in words, for diagnostics and docs.</summary>
    public static string Describe(SkipReason reason) => reason switch
    {
        SkipReason.Collection => "collections are not logged (enumerating could be endless, lazy or expensive)",
        SkipReason.Awaitable => "reading a task's result would block the call until it completes",
        SkipReason.Lazy => "reading Lazy<T>.Value would run its factory",
        SkipReason.Delegate => "a delegate has no value to log",
        SkipReason.Reflection => "reflection objects are not parameters (their getters can throw or load metadata)",
        SkipReason.Culture => "culture objects are not parameters (log the culture's Name instead)",
        SkipReason.Handle => "reading handles, streams, threads or cancellation tokens can allocate or have side effects",
        SkipReason.RefLike => "ref structs and pointers cannot be read outside the call",
        _ => "it is logged",
    };
}
