using System.Runtime.CompilerServices;
using MLflow.Tracking.Shared.Roslyn;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Analyzers;

/// <summary>
/// The types the rules look for, resolved once per compilation and shared by every rule (so the reader's cache of
/// what each tracked method logs, in <see cref="Symbols"/>, is filled once per method, not once per rule).
/// </summary>
internal sealed class KnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, KnownTypes?> PerCompilation = new();

    private KnownTypes(Compilation compilation, INamedTypeSymbol trackedRun)
    {
        TrackedRun = trackedRun;
        Symbols = TrackingSymbols.For(compilation);
        LogParam = compilation.GetTypeByMetadataName("MLflow.Tracking.LogParamAttribute");
        LogMetric = compilation.GetTypeByMetadataName("MLflow.Tracking.LogMetricAttribute");
        LogArtifact = compilation.GetTypeByMetadataName("MLflow.Tracking.LogArtifactAttribute");
        ActiveRun = compilation.GetTypeByMetadataName("MLflow.Tracking.ActiveRun");
        RunsClient = compilation.GetTypeByMetadataName("MLflow.Tracking.RunsClient");
        RunBuilder = compilation.GetTypeByMetadataName("MLflow.Tracking.RunBuilder");
        ExperimentBuilder = compilation.GetTypeByMetadataName("MLflow.Tracking.ExperimentBuilder");
        Param = compilation.GetTypeByMetadataName("MLflow.Tracking.Param");
        Tag = compilation.GetTypeByMetadataName("MLflow.Tracking.Tag");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        ReadOnlySpan = compilation.GetTypeByMetadataName("System.ReadOnlySpan`1");
        Span = compilation.GetTypeByMetadataName("System.Span`1");
        ReadOnlyMemory = compilation.GetTypeByMetadataName("System.ReadOnlyMemory`1");
        Memory = compilation.GetTypeByMetadataName("System.Memory`1");
        StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
        SecureString = compilation.GetTypeByMetadataName("System.Security.SecureString");
        NetworkCredential = compilation.GetTypeByMetadataName("System.Net.NetworkCredential");
        X509Certificate = compilation.GetTypeByMetadataName("System.Security.Cryptography.X509Certificates.X509Certificate");
        DbConnectionStringBuilder = compilation.GetTypeByMetadataName("System.Data.Common.DbConnectionStringBuilder");
        PasswordPropertyText = compilation.GetTypeByMetadataName("System.ComponentModel.PasswordPropertyTextAttribute");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        ParamRedactor = compilation.GetTypeByMetadataName("MLflow.Tracking.ParamRedactor");
    }

    public INamedTypeSymbol TrackedRun { get; }

    /// <summary>The attribute symbols and the per-method cache shared with the generator's reader.</summary>
    public TrackingSymbols Symbols { get; }

    public INamedTypeSymbol? LogParam { get; }
    public INamedTypeSymbol? LogMetric { get; }
    public INamedTypeSymbol? LogArtifact { get; }
    public INamedTypeSymbol? ActiveRun { get; }
    public INamedTypeSymbol? RunsClient { get; }
    public INamedTypeSymbol? RunBuilder { get; }
    public INamedTypeSymbol? ExperimentBuilder { get; }
    public INamedTypeSymbol? Param { get; }
    public INamedTypeSymbol? Tag { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTask { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? ReadOnlySpan { get; }
    public INamedTypeSymbol? Span { get; }
    public INamedTypeSymbol? ReadOnlyMemory { get; }
    public INamedTypeSymbol? Memory { get; }
    public INamedTypeSymbol? StringBuilder { get; }
    public INamedTypeSymbol? SecureString { get; }
    public INamedTypeSymbol? NetworkCredential { get; }
    public INamedTypeSymbol? X509Certificate { get; }
    public INamedTypeSymbol? DbConnectionStringBuilder { get; }
    public INamedTypeSymbol? PasswordPropertyText { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? ParamRedactor { get; }

    /// <summary>Null when the compilation does not reference MLflow.Tracking: then no rule applies.</summary>
    public static KnownTypes? TryCreate(Compilation compilation) => PerCompilation.GetValue(compilation, Create);

    private static KnownTypes? Create(Compilation compilation)
    {
        var trackedRun = compilation.GetTypeByMetadataName("MLflow.Tracking.TrackedRunAttribute");
        return trackedRun is null ? null : new KnownTypes(compilation, trackedRun);
    }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) => TrackingSymbols.Is(type, expected);

    public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, expected))
            {
                return true;
            }
        }

        return false;
    }

    public AttributeData? FindAttribute(ISymbol symbol, INamedTypeSymbol? attributeType) =>
        FindAttribute(symbol.GetAttributes(), attributeType);

    public static AttributeData? FindAttribute(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, INamedTypeSymbol? attributeType) =>
        TrackingSymbols.Find(attributes, attributeType);

    /// <summary>Task&lt;T&gt; and ValueTask&lt;T&gt; are tracked until they complete: their result is what gets logged.</summary>
    public ITypeSymbol UnwrapAwaitable(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { TypeArguments.Length: 1 } named && (Is(named, TaskOfT) || Is(named, ValueTaskOfT)))
        {
            return named.TypeArguments[0];
        }

        return type;
    }
}
