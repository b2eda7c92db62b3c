using System;

namespace MLflow.Tracking;

/// <summary>
/// Logs a parameter of a <see cref="TrackedRunAttribute"/> method (or a member of a type passed as one) as an MLflow
/// param. Objects are flattened at compile time into <c>name.Member</c> params of their public readable properties.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class LogParamAttribute : Attribute
{
    /// <summary>Logs the value under the parameter's own name.</summary>
    public LogParamAttribute()
    {
    }

    /// <summary>Logs the value under <paramref name="name"/>.</summary>
    /// <param name="name">The MLflow param key.</param>
    public LogParamAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The MLflow param key; the parameter or member name when null.</summary>
    public string? Name { get; }

    /// <summary>How the value is redacted before it is logged. Use this for identifiers and anything sensitive.</summary>
    public ParamRedaction Redact { get; set; }
}
