using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Analyzers;

/// <summary>One value a tracked run logs as a param, after naming and flattening.</summary>
/// <param name="Key">The MLflow key, e.g. "options.BatchSize".</param>
/// <param name="Symbol">The parameter, property or field the value comes from.</param>
/// <param name="Type">The value's type.</param>
/// <param name="Root">The method parameter that carries it: diagnostics for flattened members are reported there.</param>
/// <param name="IsRedacted">True when this value or an enclosing one is redacted with Hash or Length.</param>
internal sealed record LoggedParam(string Key, ISymbol Symbol, ITypeSymbol Type, IParameterSymbol Root, bool IsRedacted)
{
    public bool IsFlattenedMember => !SymbolEqualityComparer.Default.Equals(Symbol, Root);
}
