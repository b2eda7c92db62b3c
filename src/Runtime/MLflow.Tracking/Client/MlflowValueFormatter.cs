using System;
using System.Globalization;

namespace MLflow.Tracking;

/// <summary>
/// Turns param and tag values into the strings MLflow stores: invariant culture, doubles that round-trip, booleans
/// and null as MLflow's Python client writes them (<c>True</c>, <c>False</c>, <c>None</c>), so runs logged from .NET
/// and from Python compare equal.
/// </summary>
public static class MlflowValueFormatter
{
    /// <summary>Formats <paramref name="value"/> for a param or tag.</summary>
    /// <typeparam name="T">The value's type; generic so that numbers are not boxed.</typeparam>
    public static string Format<T>(T value) => value switch
    {
        null => "None",
        string text => text,
        bool flag => flag ? "True" : "False",
        double number => FormatDouble(number),
        float number => FormatDouble(number),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        Enum item => item.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "None",
    };

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
