using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>The symbols a parse needs, looked up once per method from its compilation.</summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(Compilation compilation)
    {
        LogParam = compilation.GetTypeByMetadataName("MLflow.Tracking.LogParamAttribute");
        LogMetric = compilation.GetTypeByMetadataName("MLflow.Tracking.LogMetricAttribute");
        RunTag = compilation.GetTypeByMetadataName("MLflow.Tracking.RunTagAttribute");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        Enumerable = compilation.GetSpecialType(SpecialType.System_Collections_IEnumerable);
        Obsolete = compilation.GetTypeByMetadataName("System.ObsoleteAttribute");
    }

    public INamedTypeSymbol? LogParam { get; }

    public INamedTypeSymbol? LogMetric { get; }

    public INamedTypeSymbol? RunTag { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol Enumerable { get; }

    public INamedTypeSymbol? Obsolete { get; }

    public static KnownSymbols From(Compilation compilation) => new(compilation);

    public static bool Is(INamedTypeSymbol? expected, ITypeSymbol? actual) =>
        expected is not null && actual is not null && SymbolEqualityComparer.Default.Equals(expected, actual);

    public AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (Is(attributeType, attribute.AttributeClass))
            {
                return attribute;
            }
        }

        return null;
    }

    public bool IsObsolete(ISymbol symbol) => Find(symbol, Obsolete) is not null;
}
