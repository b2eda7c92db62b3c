using System;
using System.Globalization;

namespace MLflow.Tracking.DynamicProxy;

/// <summary>Logs one <see cref="LogMetricAttribute"/> value of a call's result: the result itself or one of its members.</summary>
internal sealed class MetricLogger
{
    private readonly string _key;
    private readonly Func<object, object?>? _getter;

    /// <summary>A metric of <paramref name="getter"/>'s value, or of the result itself when null.</summary>
    public MetricLogger(string key, Func<object, object?>? getter)
    {
        _key = key;
        _getter = getter;
    }

    public void Log(ActiveRun run, object result)
    {
        var value = _getter is null ? result : _getter(result);
        if (value is not null)
        {
            run.LogMetric(_key, Convert.ToDouble(value, CultureInfo.InvariantCulture));
        }
    }
}
