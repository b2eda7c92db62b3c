using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Castle.DynamicProxy;
using MLflow.Tracking.Shared;

namespace MLflow.Tracking.DynamicProxy;

/// <summary>
/// Everything a tracked method's calls need, read from its attributes once: the run definition, the param and
/// metric loggers (compiled accessors) and how the method returns. Attributes may sit on the interface method or the
/// implementation method; the implementation's win.
/// </summary>
internal sealed class MethodTrackingPlan
{
    private static readonly MethodTrackingPlan NotTracked = new(null, ReturnShape.Synchronous, [], [], [], null);
    private readonly ParamLogger[] _params;
    private readonly MetricLogger[] _metrics;
    private readonly ArtifactLogger[] _artifacts;

    private MethodTrackingPlan(TrackedRunDefinition? definition, ReturnShape shape, ParamLogger[] parameters, MetricLogger[] metrics, ArtifactLogger[] artifacts, Func<IInvocation, MethodTrackingPlan, IRunTracker, object>? invokeGenericAsync)
    {
        Definition = definition;
        Shape = shape;
        _params = parameters;
        _metrics = metrics;
        _artifacts = artifacts;
        InvokeGenericAsync = invokeGenericAsync;
    }

    /// <summary>The run definition, or null when the method is not tracked.</summary>
    public TrackedRunDefinition? Definition { get; }

    public ReturnShape Shape { get; }

    /// <summary>For <see cref="ReturnShape.TaskOfT"/> and <see cref="ReturnShape.ValueTaskOfT"/>: the helper closed over the result type.</summary>
    public Func<IInvocation, MethodTrackingPlan, IRunTracker, object>? InvokeGenericAsync { get; }

    public static MethodTrackingPlan Build(MethodInfo method, MethodInfo? target)
    {
        var tracked = target?.GetCustomAttribute<TrackedRunAttribute>() ?? method.GetCustomAttribute<TrackedRunAttribute>();
        if (tracked is null)
        {
            return NotTracked;
        }

        var implementationType = target?.DeclaringType ?? method.DeclaringType!;
        var definition = new TrackedRunDefinition(
            tracked.Experiment,
            tracked.RunName ?? method.Name,
            SourceTypeName(implementationType) + "." + method.Name,
            CollectTags(method, target))
        {
            LogSystemMetrics = tracked.LogSystemMetrics,
        };

        var (shape, resultType) = ShapeOf(method.ReturnType);
        return new MethodTrackingPlan(
            definition,
            shape,
            BuildParamLoggers(method, target),
            BuildMetricLoggers(method, target, resultType),
            BuildArtifactLoggers(method, target, resultType),
            GenericHelper(shape, resultType));
    }

    /// <summary>Logs the <see cref="LogParamAttribute"/> arguments. A getter that throws costs its param, never the call.</summary>
    public void LogParams(TrackedRunScope run, object?[] arguments)
    {
        foreach (var logger in _params)
        {
            logger.Log(run, arguments[logger.Index]);
        }
    }

    /// <summary>Logs the <see cref="LogMetricAttribute"/> and then the <see cref="LogArtifactAttribute"/> values of <paramref name="result"/>.</summary>
    public void LogResult(TrackedRunScope run, object? result)
    {
        if (result is null)
        {
            return;
        }

        foreach (var logger in _metrics)
        {
            logger.Log(run, result);
        }

        foreach (var logger in _artifacts)
        {
            logger.Log(run, result);
        }
    }

    private static ParamLogger[] BuildParamLoggers(MethodInfo method, MethodInfo? target)
    {
        var declared = method.GetParameters();
        var implemented = target?.GetParameters();
        var loggers = new List<ParamLogger>();
        for (var i = 0; i < declared.Length; i++)
        {
            var implementation = implemented is not null && i < implemented.Length ? implemented[i] : null;
            var (parameter, attribute) = implementation?.GetCustomAttribute<LogParamAttribute>() is { } own
                ? (implementation, own)
                : (declared[i], declared[i].GetCustomAttribute<LogParamAttribute>());
            if (attribute is not null && ParamLogger.Create(i, attribute.Name ?? parameter.Name ?? "arg" + i, attribute.Redact, declared[i].ParameterType) is { } logger)
            {
                loggers.Add(logger);
            }
        }

        return loggers.ToArray();
    }

    private static MetricLogger[] BuildMetricLoggers(MethodInfo method, MethodInfo? target, Type? resultType)
    {
        if (resultType is null)
        {
            return [];
        }

        var loggers = new List<MetricLogger>();
        var onReturn = target?.ReturnParameter.GetCustomAttribute<LogMetricAttribute>() ?? method.ReturnParameter.GetCustomAttribute<LogMetricAttribute>();
        if (onReturn is not null && ValueKinds.IsNumeric(resultType))
        {
            loggers.Add(new MetricLogger(onReturn.Name ?? method.Name, null));
        }

        // The same members the generator reads ([Obsolete] ones left out), of the result's type.
        foreach (var member in ValueKinds.ReadableMembers(Nullable.GetUnderlyingType(resultType) ?? resultType))
        {
            if (member.GetCustomAttribute<LogMetricAttribute>() is not { } attribute
                || !ValueKinds.IsNumeric(MemberAccessor.TypeOf(member)))
            {
                continue;
            }

            loggers.Add(new MetricLogger(attribute.Name ?? member.Name, MemberAccessor.Compile(member)));
        }

        return loggers.ToArray();
    }

    // As the generator's reader: the result itself, then the result type's readable members, each of a type the shared
    // ArtifactRules accept under a path they accept (others are MLFLOW011 at build time and not logged).
    private static ArtifactLogger[] BuildArtifactLoggers(MethodInfo method, MethodInfo? target, Type? resultType)
    {
        if (resultType is null)
        {
            return [];
        }

        var loggers = new List<ArtifactLogger>();
        var onReturn = target?.ReturnParameter.GetCustomAttribute<LogArtifactAttribute>() ?? method.ReturnParameter.GetCustomAttribute<LogArtifactAttribute>();
        if (onReturn is not null && ArtifactLoggerFor(onReturn, method.Name, resultType, null) is { } logger)
        {
            loggers.Add(logger);
        }

        foreach (var member in ValueKinds.ReadableMembers(Nullable.GetUnderlyingType(resultType) ?? resultType))
        {
            if (member.GetCustomAttribute<LogArtifactAttribute>() is { } attribute
                && ArtifactLoggerFor(attribute, member.Name, MemberAccessor.TypeOf(member), member) is { } memberLogger)
            {
                loggers.Add(memberLogger);
            }
        }

        return loggers.ToArray();
    }

    private static ArtifactLogger? ArtifactLoggerFor(LogArtifactAttribute attribute, string name, Type type, MemberInfo? member)
    {
        var kind = ValueKinds.ArtifactKindOf(type);
        var path = attribute.Path ?? (kind == ArtifactKind.File ? null : name);
        if (kind == ArtifactKind.Unsupported || (path is not null && ArtifactRules.CheckFile(path, out _) is not null))
        {
            return null;
        }

        return new ArtifactLogger(path, name, member is null ? null : MemberAccessor.Compile(member));
    }

    // As the generator: tags of the containing types, outermost first, then of the method; nothing is merged, so a
    // key set again later (the implementation after the interface) is applied last and wins in MLflow.
    private static List<Tag> CollectTags(MethodInfo method, MethodInfo? target)
    {
        var tags = new List<Tag>();
        void Add(IEnumerable<RunTagAttribute> attributes)
        {
            foreach (var attribute in attributes)
            {
                tags.Add(new Tag(attribute.Key, attribute.Value));
            }
        }

        void AddTypes(Type type)
        {
            var chain = new List<Type>();
            for (var current = type; current is not null; current = current.DeclaringType)
            {
                chain.Insert(0, current);
            }

            foreach (var item in chain)
            {
                Add(item.GetCustomAttributes<RunTagAttribute>(inherit: true));
            }
        }

        AddTypes(method.DeclaringType!);
        if (target?.DeclaringType is { } implementationType && implementationType != method.DeclaringType)
        {
            AddTypes(implementationType);
        }

        Add(method.GetCustomAttributes<RunTagAttribute>(inherit: true));
        if (target is not null && target != method)
        {
            Add(target.GetCustomAttributes<RunTagAttribute>(inherit: true));
        }

        return tags;
    }

    private static (ReturnShape Shape, Type? ResultType) ShapeOf(Type returnType)
    {
        if (returnType == typeof(Task))
        {
            return (ReturnShape.Task, null);
        }

        if (returnType == typeof(ValueTask))
        {
            return (ReturnShape.ValueTask, null);
        }

        if (returnType.IsGenericType)
        {
            var definition = returnType.GetGenericTypeDefinition();
            if (definition == typeof(Task<>))
            {
                return (ReturnShape.TaskOfT, returnType.GetGenericArguments()[0]);
            }

            if (definition == typeof(ValueTask<>))
            {
                return (ReturnShape.ValueTaskOfT, returnType.GetGenericArguments()[0]);
            }
        }

        return (ReturnShape.Synchronous, returnType == typeof(void) ? null : returnType);
    }

    private static Func<IInvocation, MethodTrackingPlan, IRunTracker, object>? GenericHelper(ReturnShape shape, Type? resultType)
    {
        var name = shape switch
        {
            ReturnShape.TaskOfT => nameof(TrackingInterceptor.StartTaskOf),
            ReturnShape.ValueTaskOfT => nameof(TrackingInterceptor.StartValueTaskOf),
            _ => null,
        };
        if (name is null || resultType is null)
        {
            return null;
        }

        var helper = typeof(TrackingInterceptor).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(resultType);
        return helper.CreateDelegate<Func<IInvocation, MethodTrackingPlan, IRunTracker, object>>();
    }

    /// <summary><c>Namespace.Outer.Inner</c>, as the generator writes <c>mlflow.source.name</c> (no arity, no <c>+</c>).</summary>
    internal static string SourceTypeName(Type type)
    {
        var open = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        var name = open.FullName ?? open.Name;
        var text = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '`')
            {
                while (i + 1 < name.Length && char.IsAsciiDigit(name[i + 1]))
                {
                    i++;
                }

                continue;
            }

            text.Append(c == '+' ? '.' : c);
        }

        return text.ToString();
    }
}
