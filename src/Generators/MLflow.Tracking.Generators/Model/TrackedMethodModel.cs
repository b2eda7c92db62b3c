namespace MLflow.Tracking.Generators.Model;

/// <summary>
/// Everything the emitter needs to implement one <c>[TrackedRun]</c> partial method, as plain strings and values:
/// no symbols, syntax or locations, so that the incremental pipeline can compare it and cache the output.
/// </summary>
/// <param name="ResultType">The result's type (<c>T</c> of <c>Task&lt;T&gt;</c>, or the return type), for the
/// explicitly typed result local; null when there is none.</param>
/// <param name="CoreTarget">What the Core call is qualified with: <c>this.</c> or the containing type.</param>
/// <param name="MemberTarget">What generated members (field, helper) are qualified with from the wrapper.</param>
/// <param name="TypeTarget">The containing type, <c>global::</c>-qualified with a trailing dot.</param>
/// <param name="LocalPrefix">The underscores that start every generated local (more than any parameter starts with).</param>
/// <param name="DoesNotReturn">The method is <c>[DoesNotReturn]</c> (and so is its Core).</param>
/// <param name="SuppressedWarnings">Warning IDs the generated file disables ([Obsolete]/[Experimental] types it names).</param>
internal sealed record TrackedMethodModel(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Modifiers,
    string MethodName,
    string TypeParameterList,
    EquatableArray<string> ImplementationConstraints,
    EquatableArray<string> HelperConstraints,
    bool IsStatic,
    string ReturnType,
    string? ResultType,
    ReturnShape Shape,
    string? HelperModifiers,
    EquatableArray<ParameterModel> Parameters,
    string CoreTarget,
    string MemberTarget,
    string TypeTarget,
    string LocalPrefix,
    bool DoesNotReturn,
    EquatableArray<string> SuppressedWarnings,
    string DefinitionFieldName,
    string HelperName,
    string? ExperimentName,
    string RunName,
    string SourceName,
    EquatableArray<TagModel> Tags,
    EquatableArray<ParamLogModel> ParamLogs,
    EquatableArray<MetricLogModel> Metrics,
    bool ResultCanBeNull,
    bool LogSystemMetrics = false,
    EquatableArray<ArtifactLogModel> Artifacts = default);

/// <summary>A type that contains the tracked method, as its partial declaration must be written.</summary>
/// <param name="Keyword">The modifiers and keyword: <c>partial class</c>, <c>readonly partial record struct</c>...</param>
/// <param name="Name">The type's name with its type parameter list, e.g. <c>Cache&lt;TKey, TValue&gt;</c>.</param>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>A parameter of the tracked method.</summary>
/// <param name="Declaration">As the implementation declares it: modifiers, type and name, without default value.</param>
/// <param name="HelperDeclaration">As the async helper declares it (no <c>this</c>/<c>params</c>).</param>
/// <param name="Argument">As passed on to the body: <c>ref x</c>, <c>out x</c>, <c>x</c>.</param>
internal sealed record ParameterModel(string Declaration, string HelperDeclaration, string Argument);

/// <summary>A constant tag from a <c>[RunTag]</c>.</summary>
internal sealed record TagModel(string Key, string Value);

/// <summary>What kind of value a flattened param is.</summary>
internal enum ParamLogKind
{
    /// <summary>A value formatted by <c>MlflowValueFormatter</c>.</summary>
    Value,

    /// <summary>A value of a reference type that may be null (logged through <c>LogParam&lt;string?&gt;</c> or the generic overload).</summary>
    NullableReference,

    /// <summary>An object whose members are logged as <c>key.Member</c>; reference types are null-checked first.</summary>
    Object,
}

/// <summary>
/// One param to log, or an object whose members are flattened into params.
/// </summary>
/// <param name="Key">The MLflow key.</param>
/// <param name="Access">The member name (or parameter name for roots) to read.</param>
/// <param name="Kind">How it is logged.</param>
/// <param name="Redaction">The <c>ParamRedaction</c> member name, or null for none.</param>
/// <param name="IsString">The value is a string (so the non-generic overloads apply).</param>
/// <param name="NeedsNullCheck">An object that may be null (reference type or nullable value type).</param>
/// <param name="Guarded">Reading or formatting it runs user code (a property getter, a <c>ToString</c>) that may throw:
/// the read is wrapped so that a throw costs this param, never the call.</param>
/// <param name="Members">An object's members.</param>
internal sealed record ParamLogModel(
    string Key,
    string Access,
    ParamLogKind Kind,
    string? Redaction,
    bool IsString,
    bool NeedsNullCheck,
    bool Guarded,
    EquatableArray<ParamLogModel> Members);

/// <summary>A metric logged from the result: a member of the result (<see cref="Member"/>) or the result itself (null).</summary>
/// <param name="Key">The MLflow key.</param>
/// <param name="Member">The member of the result, or null for the return value itself.</param>
/// <param name="IsNullable">The value is a nullable number.</param>
/// <param name="IsDouble">Already a double: no conversion needed.</param>
/// <param name="Guarded">Read through a property getter, which may throw: a throw costs this metric, never the call.</param>
internal sealed record MetricLogModel(string Key, string? Member, bool IsNullable, bool IsDouble, bool Guarded);

/// <summary>An artifact logged from the result: a member of the result (<see cref="Member"/>) or the result itself (null).</summary>
/// <param name="Path">The artifact file's path, or null for a <c>FileInfo</c> that keeps its own file name.</param>
/// <param name="Member">The member of the result, or null for the return value itself.</param>
/// <param name="Guarded">Read through a property getter, which may throw: a throw costs this artifact, never the call.</param>
internal sealed record ArtifactLogModel(string? Path, string? Member, bool Guarded);

/// <summary>How the tracked method returns.</summary>
internal enum ReturnShape
{
    /// <summary>void.</summary>
    Void,

    /// <summary>A value, synchronously.</summary>
    Value,

    /// <summary>Task or ValueTask without a result.</summary>
    Awaitable,

    /// <summary>Task&lt;T&gt; or ValueTask&lt;T&gt;.</summary>
    AwaitableOfT,
}
