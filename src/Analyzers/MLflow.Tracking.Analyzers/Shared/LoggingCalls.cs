using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MLflow.Tracking.Analyzers;

/// <summary>What a direct logging call logs: its key argument, its value argument and whether it is a param, tag or metric.</summary>
internal readonly record struct LoggingCall(IArgumentOperation? Key, IOperation? Value, string Kind)
{
    public const string ParamKind = "param";
    public const string TagKind = "tag";
    public const string MetricKind = "metric";

    /// <summary>ActiveRun.LogParam/SetTag/LogMetric, RunsClient.*Async, RunBuilder.With*, ExperimentBuilder.WithTag.</summary>
    public static LoggingCall? FromInvocation(IInvocationOperation invocation, KnownTypes known)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        string? kind = null;
        if (KnownTypes.IsOrDerivesFrom(type, known.ActiveRun))
        {
            kind = method.Name switch { "LogParam" => ParamKind, "SetTag" => TagKind, "LogMetric" => MetricKind, _ => null };
        }
        else if (KnownTypes.Is(type, known.RunsClient))
        {
            kind = method.Name switch { "LogParamAsync" => ParamKind, "SetTagAsync" => TagKind, "LogMetricAsync" => MetricKind, _ => null };
        }
        else if (KnownTypes.Is(type, known.RunBuilder))
        {
            kind = method.Name switch { "WithParam" => ParamKind, "WithTag" => TagKind, "WithMetric" => MetricKind, _ => null };
        }
        else if (KnownTypes.Is(type, known.ExperimentBuilder))
        {
            kind = method.Name == "WithTag" ? TagKind : null;
        }

        return kind is null ? null : Create(invocation.Arguments, kind);
    }

    /// <summary>new Param(key, value) / new Tag(key, value), as passed to LogBatchAsync.</summary>
    public static LoggingCall? FromObjectCreation(IObjectCreationOperation creation, KnownTypes known)
    {
        if (KnownTypes.Is(creation.Type, known.Param))
        {
            return Create(creation.Arguments, ParamKind);
        }

        return KnownTypes.Is(creation.Type, known.Tag) ? Create(creation.Arguments, TagKind) : null;
    }

    private static LoggingCall? Create(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string kind)
    {
        IArgumentOperation? key = null;
        IOperation? value = null;
        foreach (var argument in arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "key" or "Key":
                    key = argument;
                    break;
                case "value" or "Value":
                    value = argument.Value;
                    break;
            }
        }

        return key is null ? null : new LoggingCall(key, value, kind);
    }

    public string? ConstantKey => Key?.Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;

    /// <summary>The value with conversions and a trailing ToString() removed: what the user actually passed.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance }:
                    operation = instance;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The symbol a value expression names (parameter, local, field, property), or null for other expressions.</summary>
    public static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
    {
        IParameterReferenceOperation p => p.Parameter,
        ILocalReferenceOperation l => l.Local,
        IFieldReferenceOperation f => f.Field,
        IPropertyReferenceOperation p => p.Property,
        _ => null,
    };
}
