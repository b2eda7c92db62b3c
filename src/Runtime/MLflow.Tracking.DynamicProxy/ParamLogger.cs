using System;
using System.Collections.Generic;
using System.Reflection;

namespace MLflow.Tracking.DynamicProxy;

/// <summary>Logs one <see cref="LogParamAttribute"/> argument: as one param, or flattened one level into its public properties.</summary>
internal sealed class ParamLogger
{
    private readonly string _key;
    private readonly ParamRedaction _redaction;
    private readonly FlattenedMember[]? _members;

    private ParamLogger(int index, string key, ParamRedaction redaction, FlattenedMember[]? members)
    {
        Index = index;
        _key = key;
        _redaction = redaction;
        _members = members;
    }

    /// <summary>The argument's position.</summary>
    public int Index { get; }

    public static ParamLogger Create(int index, string key, ParamRedaction redaction, Type type)
    {
        if (ValueKinds.IsScalar(type))
        {
            return new ParamLogger(index, key, redaction, null);
        }

        var members = new List<FlattenedMember>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
            {
                members.Add(FlattenedMember.Create(key, property, redaction));
            }
        }

        // Public fields only when they ask to be logged; properties are a type's public shape.
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (field.GetCustomAttribute<LogParamAttribute>() is not null)
            {
                members.Add(FlattenedMember.Create(key, field, redaction));
            }
        }

        return new ParamLogger(index, key, redaction, members.ToArray());
    }

    public void Log(ActiveRun run, object? value)
    {
        if (_members is null)
        {
            run.LogParam(_key, ParamRedactor.Redact(value, _redaction));
            return;
        }

        foreach (var member in _members)
        {
            var memberValue = value is null ? null : member.Getter(value);
            run.LogParam(member.Key, ParamRedactor.Redact(memberValue, member.Redaction));
        }
    }

    private sealed record FlattenedMember(string Key, ParamRedaction Redaction, Func<object, object?> Getter)
    {
        public static FlattenedMember Create(string prefix, MemberInfo member, ParamRedaction inherited)
        {
            // A member's own [LogParam] renames it and chooses its redaction; otherwise the argument's redaction applies.
            var own = member.GetCustomAttribute<LogParamAttribute>();
            var name = own?.Name ?? member.Name;
            var redaction = own is null || own.Redact == ParamRedaction.None ? inherited : own.Redact;
            return new FlattenedMember(prefix + "." + name, redaction, MemberAccessor.Compile(member));
        }
    }
}
