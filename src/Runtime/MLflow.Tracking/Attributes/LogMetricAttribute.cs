using System;

namespace MLflow.Tracking;

/// <summary>
/// Logs a numeric value as an MLflow metric when a <see cref="TrackedRunAttribute"/> method returns: on the return
/// value (<c>[return: LogMetric("score")]</c>) or on a property or field of the returned type
/// (<c>[property: LogMetric] double Accuracy</c>).
/// </summary>
[AttributeUsage(AttributeTargets.ReturnValue | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class LogMetricAttribute : Attribute
{
    /// <summary>Logs the value under the member's own name (<c>return</c> values need an explicit name or use the method name).</summary>
    public LogMetricAttribute()
    {
    }

    /// <summary>Logs the value under <paramref name="name"/>.</summary>
    /// <param name="name">The MLflow metric key.</param>
    public LogMetricAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The MLflow metric key; the member name when null.</summary>
    public string? Name { get; }
}
