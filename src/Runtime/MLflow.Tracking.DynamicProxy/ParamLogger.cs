using System;
using System.Collections.Generic;
using System.Reflection;
using MLflow.Tracking.Shared;

namespace MLflow.Tracking.DynamicProxy;

/// <summary>
/// Logs one <see cref="LogParamAttribute"/> argument with the generator's rules (<see cref="ValueKinds"/>, from the
/// shared <see cref="LoggedTypeRules"/>): simple values (and any redacted value) as one param; objects flattened into
/// <c>name.Member</c> params of their public readable properties and fields, nested objects up to three levels;
/// collections, tasks, lazies, delegates, reflection and culture objects, handles never read. A getter or
/// <c>ToString</c> that throws costs that one param (reported to the run), never the call.
/// </summary>
internal sealed class ParamLogger
{
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

    /// <summary>The logger of argument <paramref name="index"/>, or null when nothing of it is logged (skipped types).</summary>
    public static ParamLogger? Create(int index, string key, ParamRedaction redaction, Type type) =>
        Build(index, key, redaction, type, null, depth: 0, new List<Type>(), isRoot: true);

    /// <summary>Logs the argument's value.</summary>
    public void Log(TrackedRunScope run, object? value)
    {
        if (_members is null)
        {
            try
            {
                run.LogParam(_key, ParamRedactor.Redact(value, _redaction));
            }
#pragma warning disable CA1031 // A throwing ToString costs this param, never the user's call.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                run.ReportReadFailure(_key, exception);
            }

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
            member.LogMemberOf(run, value);
        }
    }

    private void LogMemberOf(TrackedRunScope run, object owner)
    {
        object? value;
        try
        {
            value = _getter!(owner);
        }
#pragma warning disable CA1031 // A throwing getter costs this param, never the user's call.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            run.ReportReadFailure(_key, exception);
            return;
        }

        Log(run, value);
    }

    private static ParamLogger? Build(int index, string key, ParamRedaction redaction, Type type, Func<object, object?>? getter, int depth, List<Type> path, bool isRoot)
    {
        if (ValueKinds.SkipReasonOf(type) != SkipReason.None)
        {
            return null;
        }

        if (redaction != ParamRedaction.None || ValueKinds.IsSimple(type) || ValueKinds.IsOpaque(type))
        {
            return new ParamLogger(index, key, redaction, getter, null);
        }

        var objectType = Nullable.GetUnderlyingType(type) ?? type;
        var members = new List<ParamLogger>();
        if (depth < LoggedTypeRules.MaxObjectDepth && !path.Contains(objectType))
        {
            path.Add(objectType);
            foreach (var member in ValueKinds.ReadableMembers(objectType))
            {
                var own = member.GetCustomAttribute<LogParamAttribute>();
                var child = Build(index, key + "." + (own?.Name ?? member.Name), own?.Redact ?? ParamRedaction.None, MemberAccessor.TypeOf(member), MemberAccessor.Compile(member), depth + 1, path, isRoot: false);
                if (child is not null)
                {
                    members.Add(child);
                }
            }

            path.RemoveAt(path.Count - 1);
        }

        if (members.Count == 0)
        {
            // Nothing to flatten: a root is logged whole through ToString, a member is left out.
            return isRoot ? new ParamLogger(index, key, ParamRedaction.None, getter, null) : null;
        }

        return new ParamLogger(index, key, redaction, getter, members.ToArray());
    }
}
