using System;
using System.Globalization;

namespace MLflow.Tracking;

/// <summary>
/// Turns param and tag values into the strings MLflow stores: invariant culture; floats and doubles as the shortest
/// text that parses back to the same value (a float is formatted as a float, so <c>0.1f</c> is <c>0.1</c>); dates and
/// times in ISO 8601 (<c>2024-01-02</c>, <c>14:30:05.25</c>, round-trip <c>O</c> for DateTime/DateTimeOffset);
/// BigInteger and other numbers by value; booleans and null as MLflow's Python client writes them (<c>True</c>,
/// <c>False</c>, <c>None</c>), so runs logged from .NET and from Python compare equal.
/// </summary>
internal static class MlflowValueFormatter
{
    /// <summary>Formats <paramref name="value"/> for a param or tag.</summary>
    /// <typeparam name="T">The value's type; generic so that numbers are not boxed.</typeparam>
    public static string Format<T>(T value) => value switch
    {
        null => "None",
        string text => text,
        bool flag => flag ? "True" : "False",
        double number => FormatDouble(number),
        float number => FormatSingle(number),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture),
        Enum item => item.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "None",
    };

    /// <summary>Formats a float as the shortest text that parses back to the same float: <c>0.1</c>, not the widened <c>0.10000000149011612</c>.</summary>
    public static string FormatSingle(float value)
    {
        if (float.IsNaN(value))
        {
            return "NaN";
        }

        if (float.IsPositiveInfinity(value))
        {
            return "Infinity";
        }

        if (float.IsNegativeInfinity(value))
        {
            return "-Infinity";
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a double so that it parses back to the same value: <c>0.1</c>, <c>1E-07</c>, <c>NaN</c>, <c>Infinity</c>.</summary>
    public static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "Infinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Infinity";
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
