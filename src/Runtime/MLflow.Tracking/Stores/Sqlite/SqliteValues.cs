using System;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>How MLflow's SQL store keeps times and metric values.</summary>
internal static class SqliteValues
{
    /// <summary>Milliseconds since the Unix epoch.</summary>
    public static long ToMillis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>A time from milliseconds since the Unix epoch.</summary>
    public static DateTimeOffset FromMillis(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);

    /// <summary>
    /// The stored form of a metric value: NaN is 0 with <c>is_nan</c> = 1; ±Infinity is ±1.7976931348623157e308,
    /// the largest double, exactly as MLflow stores them (and as its REST API then returns them).
    /// </summary>
    public static (double Value, bool IsNan) ToStored(double value) => value switch
    {
        double.NaN => (0d, true),
        double.PositiveInfinity => (double.MaxValue, false),
        double.NegativeInfinity => (double.MinValue, false),
        _ => (value, false),
    };

    /// <summary>A metric value as read back: NaN where <c>is_nan</c> is set.</summary>
    public static double FromStored(double value, bool isNan) => isNan ? double.NaN : value;
}
