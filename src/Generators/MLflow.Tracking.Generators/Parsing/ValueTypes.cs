using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>Nullability facts the emitter needs; which types are logged how lives in the shared <c>LoggedTypeRules</c>.</summary>
internal static class ValueTypes
{
    /// <summary>Whether a value of the type can be null at run time (reference types, nullable value types, unconstrained generics).</summary>
    public static bool CanBeNull(ITypeSymbol type) =>
        !type.IsValueType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
}
