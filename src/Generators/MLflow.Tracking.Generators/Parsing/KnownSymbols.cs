using MLflow.Tracking.Shared.Roslyn;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>
/// The symbols a parse needs. They come from the shared <see cref="TrackingSymbols"/>, created once per compilation
/// and shared with the analyzers' rules code, so the generator and the analyzers resolve the same attribute types.
/// </summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(TrackingSymbols shared) => Shared = shared;

    /// <summary>The shared per-compilation symbols and reader cache.</summary>
    public TrackingSymbols Shared { get; }

    public INamedTypeSymbol? LogParam => Shared.LogParam;

    public INamedTypeSymbol? RunTag => Shared.RunTag;

    public INamedTypeSymbol? Task => Shared.Task;

    public INamedTypeSymbol? TaskOfT => Shared.TaskOfT;

    public INamedTypeSymbol? ValueTask => Shared.ValueTask;

    public INamedTypeSymbol? ValueTaskOfT => Shared.ValueTaskOfT;

    public static KnownSymbols From(Compilation compilation) => new(TrackingSymbols.For(compilation));

    public static bool Is(INamedTypeSymbol? expected, ITypeSymbol? actual) =>
        expected is not null && actual is not null && SymbolEqualityComparer.Default.Equals(expected, actual);

    public AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attributeType) => Shared.Find(symbol, attributeType);
}
