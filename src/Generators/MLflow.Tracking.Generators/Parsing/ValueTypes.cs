using MLflow.Tracking.Shared.Roslyn;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>
/// Type facts the parser and emitter need. Which types are one value, skipped or metric numbers is decided once in the
/// shared <c>LoggedTypeRules</c> and read through <see cref="TrackedRunReader"/>; these are thin views of it.
/// </summary>
internal static class ValueTypes
{
    /// <summary>A number a metric can hold (converted to double), or its nullable.</summary>
    public static bool IsNumeric(ITypeSymbol type, out bool isNullable, out bool isDouble)
    {
        var underlying = TrackedRunReader.UnwrapNullable(type);
        isNullable = !SymbolEqualityComparer.Default.Equals(underlying, type);
        isDouble = underlying.SpecialType == SpecialType.System_Double;
        return TrackedRunReader.IsMetricNumber(type);
    }

    /// <summary>Whether a value of the type can be null at run time (reference types, nullable value types, unconstrained generics).</summary>
    public static bool CanBeNull(ITypeSymbol type) =>
        !type.IsValueType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
}
