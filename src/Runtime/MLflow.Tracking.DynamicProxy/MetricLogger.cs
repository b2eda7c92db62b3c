using System;
using System.Globalization;

namespace MLflow.Tracking.DynamicProxy;

/// <summary>
/// Logs one <see cref="LogMetricAttribute"/> value of a call's result: the result itself or one of its members. A
/// getter that throws costs that metric (reported to the run), never the call.
/// </summary>
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

    public void Log(TrackedRunScope run, object result)
    {
        if (!ResultValueReader.TryRead(run, _key, _getter, result, out var value))
        {
            return;
        }

        if (value is not null)
        {
            run.LogMetric(_key, Convert.ToDouble(value, CultureInfo.InvariantCulture));
        }
    }
}
