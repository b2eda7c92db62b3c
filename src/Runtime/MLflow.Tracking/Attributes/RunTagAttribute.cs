using System;

namespace MLflow.Tracking;

/// <summary>A constant tag set on every run of a <see cref="TrackedRunAttribute"/> method, or of every tracked method of a type.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, AllowMultiple = true, Inherited = true)]
public sealed class RunTagAttribute : Attribute
{
    /// <summary>Sets tag <paramref name="key"/> to <paramref name="value"/>.</summary>
    /// <param name="key">The tag key.</param>
    /// <param name="value">The tag value.</param>
    public RunTagAttribute(string key, string value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The tag key.</summary>
    public string Key { get; }

    /// <summary>The tag value.</summary>
    public string Value { get; }
}
