using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using MLflow.Tracking.Shared;

namespace MLflow.Tracking.DynamicProxy;

/// <summary>
/// The shared <see cref="LoggedTypeRules"/> applied to <see cref="Type"/>s, exactly as the generator's reader applies
/// them to Roslyn symbols: which values are one param, which are skipped, which are metric numbers, and which members
/// an object is flattened into.
/// </summary>
internal static class ValueKinds
{
    /// <summary>Logged as one param: the single-value types and enums (or their nullables).</summary>
    public static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsEnum || LoggedTypeRules.IsSingleValue(NameOf(underlying));
    }

    /// <summary>Types whose members say nothing useful: logged as one value through <c>ToString</c>.</summary>
    public static bool IsOpaque(Type type) => type == typeof(object) || type.IsGenericParameter;

    /// <summary>A value <see cref="LogMetricAttribute"/> can log: a built-in number (or a nullable one).</summary>
    public static bool IsNumeric(Type type) => LoggedTypeRules.IsMetricNumber(NameOf(Nullable.GetUnderlyingType(type) ?? type));

    /// <summary>Why values of <paramref name="type"/> are never read, or <see cref="SkipReason.None"/>.</summary>
    public static SkipReason SkipReasonOf(Type type)
    {
        if (type.IsByRefLike || type.IsByRef || type.IsPointer || type.IsFunctionPointer)
        {
            return SkipReason.RefLike;
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (typeof(Delegate).IsAssignableFrom(underlying) && underlying != typeof(Delegate) && underlying != typeof(MulticastDelegate))
        {
            return SkipReason.Delegate;
        }

        for (var current = underlying; current is not null; current = current.BaseType)
        {
            var reason = LoggedTypeRules.SkipReasonOf(NameOf(current));
            if (reason != SkipReason.None)
            {
                return reason;
            }
        }

        if (IsSimple(underlying))
        {
            return SkipReason.None;
        }

        return underlying.IsArray || typeof(IEnumerable).IsAssignableFrom(underlying) ? SkipReason.Collection : SkipReason.None;
    }

    /// <summary>
    /// The members an object is flattened into, as the generator's reader finds them: public instance properties with
    /// a public getter (no indexers, no by-ref returns) and public instance fields (no constants), not
    /// <c>[Obsolete]</c>, not ref structs or pointers; the most derived declaration of a name wins. Interfaces
    /// contribute their own members and those of the interfaces they extend.
    /// </summary>
    public static IEnumerable<MemberInfo> ReadableMembers(Type type)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declaring in DeclaringTypes(type))
        {
            foreach (var member in declaring.GetMembers(Declared))
            {
                var memberType = member switch
                {
                    PropertyInfo { GetMethod.IsPublic: true } property when property.GetIndexParameters().Length == 0 => property.PropertyType,
                    FieldInfo { IsLiteral: false } field => field.FieldType,
                    _ => null,
                };
                if (memberType is null
                    || memberType.IsByRef || memberType.IsByRefLike || memberType.IsPointer || memberType.IsFunctionPointer
                    || member.IsDefined(typeof(ObsoleteAttribute), inherit: false)
                    || !seen.Add(member.Name))
                {
                    continue;
                }

                yield return member;
            }
        }
    }

    /// <summary>How a [LogArtifact] value of <paramref name="type"/> is written, by the shared <see cref="ArtifactRules"/> the generator's reader applies.</summary>
    public static ArtifactKind ArtifactKindOf(Type type)
    {
        if (type.IsArray)
        {
            return type.GetArrayRank() == 1 && type.GetElementType() is { IsArray: false } element
                ? ArtifactRules.KindOf(ArtifactRules.CanonicalName(NameOf(element), isArray: true))
                : ArtifactKind.Unsupported;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            var arguments = current.IsGenericType ? current.GetGenericArguments() : Type.EmptyTypes;
            var name = arguments.Length == 1 && !arguments[0].IsGenericParameter
                ? ArtifactRules.CanonicalName(NameOf(current), typeArgument: NameOf(arguments[0]))
                : ArtifactRules.CanonicalName(NameOf(current));
            var kind = ArtifactRules.KindOf(name);
            if (kind != ArtifactKind.Unsupported)
            {
                return kind;
            }
        }

        return ArtifactKind.Unsupported;
    }

    /// <summary>The name Roslyn's reader uses: the full name of the type, or of its generic definition (<c>System.Lazy`1</c>).</summary>
    private static string NameOf(Type type)
    {
        var definition = type.IsGenericType && !type.IsGenericTypeDefinition ? type.GetGenericTypeDefinition() : type;
        return definition.FullName ?? definition.Name;
    }

    private static IEnumerable<Type> DeclaringTypes(Type type)
    {
        if (type.IsInterface)
        {
            yield return type;
            foreach (var extended in type.GetInterfaces())
            {
                yield return extended;
            }

            yield break;
        }

        for (var current = type; current is not null && current != typeof(object) && current != typeof(ValueType); current = current.BaseType)
        {
            yield return current;
        }
    }
}
