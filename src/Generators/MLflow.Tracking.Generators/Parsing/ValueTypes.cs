using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>Classifies types for param flattening and metric logging.</summary>
internal static class ValueTypes
{
    /// <summary>Logged as one param: primitives, string, enums, decimal, dates, Guid, TimeSpan (and their nullables).</summary>
    public static bool IsSimple(ITypeSymbol type)
    {
        type = UnwrapNullable(type);
        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        if (IsNumber(type.SpecialType))
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_String:
            case SpecialType.System_DateTime:
                return true;
        }

        if (type is INamedTypeSymbol { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } named)
        {
            switch (named.MetadataName)
            {
                case "DateTimeOffset":
                case "Guid":
                case "TimeSpan":
                case "DateOnly":
                case "TimeOnly":
                case "Uri":
                case "Version":
                case "Half":
                case "Int128":
                case "UInt128":
                    return true;
            }
        }

        return false;
    }

    /// <summary>A number a metric can hold (converted to double), or its nullable.</summary>
    public static bool IsNumeric(ITypeSymbol type, out bool isNullable, out bool isDouble)
    {
        var underlying = UnwrapNullable(type);
        isNullable = !SymbolEqualityComparer.Default.Equals(underlying, type);
        isDouble = underlying.SpecialType == SpecialType.System_Double;
        return IsNumber(underlying.SpecialType);
    }

    /// <summary>The built-in integer and floating-point types and decimal: what converts to a metric's double.</summary>
    private static bool IsNumber(SpecialType type)
    {
        switch (type)
        {
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
                return true;
            default:
                return false;
        }
    }

    public static ITypeSymbol UnwrapNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;

    /// <summary>Whether a value of the type can be null at run time (reference types, nullable value types, unconstrained generics).</summary>
    public static bool CanBeNull(ITypeSymbol type) =>
        !type.IsValueType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
}
