using System;
using System.Collections;

namespace MLflow.Tracking.DynamicProxy;

/// <summary>
/// The same type rules as the source generator: which <see cref="LogParamAttribute"/> values are logged as one
/// param and which are flattened into their public properties, and which values are metrics.
/// </summary>
internal static class ValueKinds
{
    /// <summary>Logged as one formatted value: primitives, strings, enums, numbers, times, ids, URIs, formattables, collections.</summary>
    public static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive
            || underlying.IsEnum
            || underlying == typeof(string)
            || underlying == typeof(decimal)
            || underlying == typeof(object)
            || underlying == typeof(Uri)
            || typeof(IFormattable).IsAssignableFrom(underlying)
            || typeof(IEnumerable).IsAssignableFrom(underlying);
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
