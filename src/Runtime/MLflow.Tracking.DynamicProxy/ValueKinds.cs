using System;

namespace MLflow.Tracking.DynamicProxy;

/// <summary>
/// The same type rules as the source generator: which <see cref="LogParamAttribute"/> values are logged as one
/// param and which are flattened into their public properties, and which values are metrics.
/// </summary>
internal static class ValueKinds
{
    /// <summary>Logged as one param: primitives, string, enums, decimal, dates and times, Guid, Uri, Version (and nullables).</summary>
    public static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return (underlying.IsPrimitive && underlying != typeof(IntPtr) && underlying != typeof(UIntPtr))
            || underlying.IsEnum
            || underlying == typeof(string)
            || underlying == typeof(decimal)
            || underlying == typeof(DateTime)
            || underlying == typeof(DateTimeOffset)
            || underlying == typeof(Guid)
            || underlying == typeof(TimeSpan)
            || underlying == typeof(DateOnly)
            || underlying == typeof(TimeOnly)
            || underlying == typeof(Uri)
            || underlying == typeof(Version)
            || underlying == typeof(Half)
            || underlying == typeof(Int128)
            || underlying == typeof(UInt128);
    }

    /// <summary>A value <see cref="LogMetricAttribute"/> can log: a built-in number (or a nullable one).</summary>
    public static bool IsNumeric(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(double) || underlying == typeof(float) || underlying == typeof(decimal)
            || underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(short) || underlying == typeof(byte)
            || underlying == typeof(uint) || underlying == typeof(ulong) || underlying == typeof(ushort) || underlying == typeof(sbyte);
    }
}
