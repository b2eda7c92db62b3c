using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Shared.Roslyn;

/// <summary>
/// MLflow.Tracking's attribute types, resolved once per compilation and shared by every rule and by the generator
/// (as NetEscapades.EnumGenerators' WellKnownTypes): the first caller for a compilation creates it, later callers get
/// the same instance, and with it the per-method cache of what each tracked method logs.
/// </summary>
internal sealed class TrackingSymbols
{
    private static readonly ConditionalWeakTable<Compilation, TrackingSymbols> PerCompilation = new();

    private readonly ConcurrentDictionary<IMethodSymbol, IReadOnlyList<ParamNode>> _params = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, IReadOnlyList<MetricNode>> _metrics = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, IReadOnlyList<ArtifactNode>> _artifacts = new(SymbolEqualityComparer.Default);

    private TrackingSymbols(Compilation compilation)
    {
        TrackedRun = compilation.GetTypeByMetadataName("MLflow.Tracking.TrackedRunAttribute");
        LogParam = compilation.GetTypeByMetadataName("MLflow.Tracking.LogParamAttribute");
        LogMetric = compilation.GetTypeByMetadataName("MLflow.Tracking.LogMetricAttribute");
        LogArtifact = compilation.GetTypeByMetadataName("MLflow.Tracking.LogArtifactAttribute");
        RunTag = compilation.GetTypeByMetadataName("MLflow.Tracking.RunTagAttribute");
        Obsolete = compilation.GetTypeByMetadataName("System.ObsoleteAttribute");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
    }

    public INamedTypeSymbol? TrackedRun { get; }

    public INamedTypeSymbol? LogParam { get; }

    public INamedTypeSymbol? LogMetric { get; }

    public INamedTypeSymbol? LogArtifact { get; }

    public INamedTypeSymbol? RunTag { get; }

    public INamedTypeSymbol? Obsolete { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    /// <summary>The instance for <paramref name="compilation"/>, created on first use.</summary>
    public static TrackingSymbols For(Compilation compilation) => PerCompilation.GetValue(compilation, c => new TrackingSymbols(c));

    /// <summary>The params of a <c>[TrackedRun]</c> method (cached): see <see cref="TrackedRunReader.ReadParams"/>.</summary>
    public IReadOnlyList<ParamNode> ParamsOf(IMethodSymbol method) => _params.GetOrAdd(method, m => TrackedRunReader.ReadParams(m, this));

    /// <summary>The metrics of a <c>[TrackedRun]</c> method (cached): see <see cref="TrackedRunReader.ReadMetrics"/>.</summary>
    public IReadOnlyList<MetricNode> MetricsOf(IMethodSymbol method) =>
        _metrics.GetOrAdd(method, m => TrackedRunReader.ReadMetrics(m, UnwrapAwaitable(m.ReturnType), this));

    /// <summary>The artifacts of a <c>[TrackedRun]</c> method (cached): see <see cref="TrackedRunReader.ReadArtifacts"/>.</summary>
    public IReadOnlyList<ArtifactNode> ArtifactsOf(IMethodSymbol method) =>
        _artifacts.GetOrAdd(method, m => TrackedRunReader.ReadArtifacts(m, UnwrapAwaitable(m.ReturnType), this));

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    public AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attributeType) => Find(symbol.GetAttributes(), attributeType);

    public static AttributeData? Find(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return null;
        }

        foreach (var attribute in attributes)
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    public bool IsObsolete(ISymbol symbol) => Find(symbol, Obsolete) is not null;

    /// <summary>The value a tracked method's result gives: <c>T</c> of <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>, null for void and non-generic awaitables.</summary>
    public ITypeSymbol? UnwrapAwaitable(ITypeSymbol returnType)
    {
        if (returnType.SpecialType == SpecialType.System_Void || Is(returnType, Task) || Is(returnType, ValueTask))
        {
            return null;
        }

        if (returnType is INamedTypeSymbol { TypeArguments.Length: 1 } named && (Is(named, TaskOfT) || Is(named, ValueTaskOfT)))
        {
            return named.TypeArguments[0];
        }

        return returnType;
    }
}
