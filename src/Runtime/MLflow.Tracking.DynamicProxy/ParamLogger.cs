using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;

namespace MLflow.Tracking.DynamicProxy;

/// <summary>
/// Logs one <see cref="LogParamAttribute"/> argument with the source generator's rules: simple values (and any
/// redacted value) as one param; objects flattened into <c>name.Member</c> params of their public readable
/// properties and fields, nested objects up to three levels; collections and delegates not logged.
/// </summary>
internal sealed class ParamLogger
{
    private const int MaxObjectDepth = 3;

    private readonly string _key;
    private readonly ParamRedaction _redaction;
    private readonly Func<object, object?>? _getter;
    private readonly ParamLogger[]? _members;

    private ParamLogger(int index, string key, ParamRedaction redaction, Func<object, object?>? getter, ParamLogger[]? members)
    {
        Index = index;
        _key = key;
        _redaction = redaction;
        _getter = getter;
        _members = members;
    }

    /// <summary>The argument's position.</summary>
    public int Index { get; }

    /// <summary>The logger of argument <paramref name="index"/>, or null when nothing of it is logged (collections, delegates).</summary>
    public static ParamLogger? Create(int index, string key, ParamRedaction redaction, Type type) =>
        Build(index, key, redaction, type, null, depth: 0, new List<Type>(), isRoot: true);

    public void Log(ActiveRun run, object? value)
    {
        if (_members is null)
        {
            run.LogParam(_key, ParamRedactor.Redact(value, _redaction));
            return;
        }

        if (value is null)
        {
            // As the generated code does: a null object is one "None" param, not a "None" per member.
            run.LogParam<string?>(_key, null);
            return;
        }

        foreach (var member in _members)
        {
            member.Log(run, member._getter!(value));
        }
    }

    private static ParamLogger? Build(int index, string key, ParamRedaction redaction, Type type, Func<object, object?>? getter, int depth, List<Type> path, bool isRoot)
    {
        if (redaction != ParamRedaction.None || ValueKinds.IsSimple(type) || type == typeof(object) || type.IsGenericParameter)
        {
            return new ParamLogger(index, key, redaction, getter, null);
        }

        if (type.IsArray || typeof(IEnumerable).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type))
        {
            return null;
        }

        var objectType = Nullable.GetUnderlyingType(type) ?? type;
        var members = new List<ParamLogger>();
        if (depth < MaxObjectDepth && !path.Contains(objectType))
        {
            path.Add(objectType);
            AddMembers(index, key, objectType, depth + 1, path, members);
            path.RemoveAt(path.Count - 1);
        }

        if (members.Count == 0)
        {
            // Nothing to flatten: a root is logged through ToString, a member is left out.
            return isRoot ? new ParamLogger(index, key, ParamRedaction.None, getter, null) : null;
        }

        return new ParamLogger(index, key, redaction, getter, members.ToArray());
    }

    private static void AddMembers(int index, string key, Type type, int depth, List<Type> path, List<ParamLogger> members)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        for (var current = type; current is not null && current != typeof(object) && current != typeof(ValueType); current = current.BaseType)
        {
            var readable = new List<MemberInfo>();
            foreach (var property in current.GetProperties(Declared))
            {
                if (property.GetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0 && !property.PropertyType.IsByRef && !property.PropertyType.IsByRefLike)
                {
                    readable.Add(property);
                }
            }

            foreach (var field in current.GetFields(Declared))
            {
                if (!field.IsLiteral && !field.FieldType.IsByRefLike)
                {
                    readable.Add(field);
                }
            }

            foreach (var member in readable)
            {
                if (member.IsDefined(typeof(ObsoleteAttribute)) || !seen.Add(member.Name))
                {
                    continue;
                }

                var own = member.GetCustomAttribute<LogParamAttribute>();
                var child = Build(index, key + "." + (own?.Name ?? member.Name), own?.Redact ?? ParamRedaction.None, MemberAccessor.TypeOf(member), MemberAccessor.Compile(member), depth, path, isRoot: false);
                if (child is not null)
                {
                    members.Add(child);
                }
            }
        }
    }
}
