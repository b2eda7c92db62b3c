using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Analyzers;

/// <summary>
/// What a [TrackedRun] method logs, computed the way the generator does: [LogParam] parameters by name, objects
/// flattened into their public readable instance members ("options.BatchSize"), [LogMetric] results.
/// </summary>
internal static class TrackedRunModel
{
    private const int MaxFlattenDepth = 3;

    /// <summary>The method the rules look at: the partial definition, never the generated implementation part.</summary>
    public static bool IsTrackedRun(IMethodSymbol method, KnownTypes known) =>
        method.PartialDefinitionPart is null && known.FindAttribute(method, known.TrackedRun) is not null;

    public static string? GetName(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name ? name : null;

    public static bool IsRedacted(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Redact" && argument.Value.Value is int value && value != 0)
            {
                return true;
            }
        }

        return false;
    }

    public static IReadOnlyList<LoggedParam> GetParams(IMethodSymbol method, KnownTypes known)
    {
        var result = new List<LoggedParam>();
        foreach (var parameter in method.Parameters)
        {
            var attribute = known.FindAttribute(parameter, known.LogParam);
            if (attribute is null)
            {
                continue;
            }

            var key = GetName(attribute) ?? parameter.Name;
            var redacted = IsRedacted(attribute);
            result.Add(new LoggedParam(key, parameter, parameter.Type, parameter, redacted));
            if (!redacted && !IsLeaf(parameter.Type, known))
            {
                Flatten(parameter.Type, key, parameter, known, result, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default), 1);
            }
        }

        return result;
    }

    /// <summary>Params that reach MLflow as values: leaves of the flattening, or objects formatted whole.</summary>
    public static IEnumerable<LoggedParam> GetLeafParams(IReadOnlyList<LoggedParam> all, KnownTypes known) =>
        all.Where(p => IsLeaf(p.Type, known) || p.IsRedacted);

    /// <summary>Simple values are logged as one param; anything else is flattened into its members.</summary>
    public static bool IsLeaf(ITypeSymbol type, KnownTypes known)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Enum or TypeKind.Array or TypeKind.Pointer
            or TypeKind.TypeParameter or TypeKind.Interface or TypeKind.Delegate or TypeKind.Dynamic or TypeKind.Error)
        {
            return true;
        }

        if (SecretClassifier.ClassifyType(type, known) is not null || SecretClassifier.IsStringLike(type, known))
        {
            return true;
        }

        if (type.ContainingNamespace?.ToDisplayString() is "System" && type.Name is "DateTimeOffset" or "TimeSpan" or "Guid"
            or "Uri" or "DateOnly" or "TimeOnly" or "Half" or "Int128" or "UInt128" or "Version")
        {
            return true;
        }

        // Collections are formatted as one value, not flattened.
        return type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);
    }

    private static void Flatten(ITypeSymbol type, string prefix, IParameterSymbol root, KnownTypes known, List<LoggedParam> result, HashSet<ITypeSymbol> visiting, int depth)
    {
        if (depth > MaxFlattenDepth || !visiting.Add(type))
        {
            return;
        }

        foreach (var member in GetPublicReadableMembers(type))
        {
            var memberType = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
            var attribute = known.FindAttribute(member, known.LogParam);
            var key = prefix + "." + (attribute is not null ? GetName(attribute) ?? member.Name : member.Name);
            var redacted = attribute is not null && IsRedacted(attribute);
            result.Add(new LoggedParam(key, member, memberType, root, redacted));
            if (!redacted && !IsLeaf(memberType, known))
            {
                Flatten(memberType, key, root, known, result, visiting, depth + 1);
            }
        }

        visiting.Remove(type);
    }

    public static IEnumerable<ISymbol> GetPublicReadableMembers(ITypeSymbol type)
    {
        var seen = new HashSet<string>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared || !seen.Add(member.Name))
                {
                    continue;
                }

                if (member is IPropertySymbol { IsIndexer: false, GetMethod.DeclaredAccessibility: Accessibility.Public } ||
                    (member is IFieldSymbol field && !field.IsConst))
                {
                    // Records: EqualityContract is protected, so it never gets here.
                    yield return member;
                }
            }
        }
    }
}
