using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MLflow.Tracking.Shared.Roslyn;

/// <summary>
/// The one reader of what a <c>[TrackedRun]</c> method logs, for the generator (which emits it) and the analyzers
/// (which judge it), with the rules of <see cref="LoggedTypeRules"/>. The DynamicProxy applies the same rules to
/// <c>System.Type</c>s; a rules-equivalence test keeps the three in step.
/// </summary>
internal static class TrackedRunReader
{
    /// <summary>
    /// Every <c>[LogParam]</c> parameter: skipped values (with their reason), leaves, and objects flattened into their
    /// public readable instance members. Out parameters are never read.
    /// </summary>
    public static IReadOnlyList<ParamNode> ReadParams(IMethodSymbol method, TrackingSymbols symbols)
    {
        var result = new List<ParamNode>();
        foreach (var parameter in method.Parameters)
        {
            if (ReadParam(parameter, symbols) is { } node)
            {
                result.Add(node);
            }
        }

        return result;
    }

    /// <summary>What one parameter logs, or null when it has no <c>[LogParam]</c> or is an <c>out</c> parameter (never read).</summary>
    public static ParamNode? ReadParam(IParameterSymbol parameter, TrackingSymbols symbols)
    {
        if (parameter.RefKind == RefKind.Out || symbols.Find(parameter, symbols.LogParam) is not { } attribute)
        {
            return null;
        }

        ReadAttribute(attribute, out var name, out var redaction);
        return Build(name ?? parameter.Name, parameter, parameter.Type, parameter, redaction, 0, new List<ITypeSymbol>(), isRoot: true, isExplicit: true, symbols);
    }

    /// <summary>
    /// <c>[return: LogMetric]</c> and the <c>[LogMetric]</c> public instance members of the result type (not
    /// <c>[Obsolete]</c> ones), numeric or not.
    /// </summary>
    public static IReadOnlyList<MetricNode> ReadMetrics(IMethodSymbol method, ITypeSymbol? resultType, TrackingSymbols symbols)
    {
        var metrics = new List<MetricNode>();
        if (resultType is null)
        {
            return metrics;
        }

        if (TrackingSymbols.Find(method.GetReturnTypeAttributes(), symbols.LogMetric) is { } onReturn)
        {
            metrics.Add(new MetricNode(NameOf(onReturn) ?? method.Name, null, resultType, onReturn, IsMetricNumber(resultType)));
        }

        foreach (var (member, memberType) in ReadableMembers(UnwrapNullable(resultType), symbols))
        {
            if (symbols.Find(member, symbols.LogMetric) is { } attribute)
            {
                metrics.Add(new MetricNode(NameOf(attribute) ?? member.Name, member, memberType, attribute, IsMetricNumber(memberType)));
            }
        }

        return metrics;
    }

    /// <summary>
    /// <c>[return: LogArtifact]</c> and the <c>[LogArtifact]</c> public instance members of the result type (not
    /// <c>[Obsolete]</c> ones, the same members metrics are read from), of supported types or not.
    /// </summary>
    public static IReadOnlyList<ArtifactNode> ReadArtifacts(IMethodSymbol method, ITypeSymbol? resultType, TrackingSymbols symbols)
    {
        var artifacts = new List<ArtifactNode>();
        if (resultType is null || symbols.LogArtifact is null)
        {
            return artifacts;
        }

        if (TrackingSymbols.Find(method.GetReturnTypeAttributes(), symbols.LogArtifact) is { } onReturn)
        {
            artifacts.Add(Artifact(onReturn, method.Name, null, resultType));
        }

        foreach (var (member, memberType) in ReadableMembers(UnwrapNullable(resultType), symbols))
        {
            if (symbols.Find(member, symbols.LogArtifact) is { } attribute)
            {
                artifacts.Add(Artifact(attribute, member.Name, member, memberType));
            }
        }

        return artifacts;
    }

    /// <summary>How a <c>[LogArtifact]</c> value of <paramref name="type"/> is written (<see cref="ArtifactRules"/>).</summary>
    public static ArtifactKind ArtifactKindOf(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1, ElementType: INamedTypeSymbol element })
        {
            return ArtifactRules.KindOf(ArtifactRules.CanonicalName(FullMetadataName(element), isArray: true));
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            var name = current.TypeArguments.Length == 1 && current.TypeArguments[0] is INamedTypeSymbol argument
                ? ArtifactRules.CanonicalName(FullMetadataName(current.OriginalDefinition), typeArgument: FullMetadataName(argument))
                : ArtifactRules.CanonicalName(FullMetadataName(current.OriginalDefinition));
            var kind = ArtifactRules.KindOf(name);
            if (kind != ArtifactKind.Unsupported)
            {
                return kind;
            }
        }

        return ArtifactKind.Unsupported;
    }

    private static ArtifactNode Artifact(AttributeData attribute, string defaultName, ISymbol? member, ITypeSymbol type)
    {
        var kind = ArtifactKindOf(type);
        var written = NameOf(attribute);
        var path = written ?? (kind == ArtifactKind.File ? null : defaultName);
        return new ArtifactNode(path, written is not null, member, type, attribute, kind);
    }

    /// <summary>The key logged params reach MLflow under: leaves of the flattening (skipped values are not logged).</summary>
    public static IEnumerable<ParamNode> LoggedLeaves(IReadOnlyList<ParamNode> parameters)
    {
        foreach (var root in parameters)
        {
            foreach (var node in root.DescendantsAndSelf())
            {
                if (node.IsLeaf)
                {
                    yield return node;
                }
            }
        }
    }

    /// <summary>A number MLflow can store as a metric (or its nullable).</summary>
    public static bool IsMetricNumber(ITypeSymbol type) => UnwrapNullable(type) is INamedTypeSymbol named && LoggedTypeRules.IsMetricNumber(FullMetadataName(named));

    /// <summary>Logged as one formatted value: single-value types and enums (or their nullables).</summary>
    public static bool IsSingleValue(ITypeSymbol type)
    {
        var underlying = UnwrapNullable(type);
        return underlying.TypeKind == TypeKind.Enum || (underlying is INamedTypeSymbol named && LoggedTypeRules.IsSingleValue(FullMetadataName(named)));
    }

    /// <summary>Why values of <paramref name="type"/> are never read, or <see cref="SkipReason.None"/>.</summary>
    public static SkipReason SkipReasonOf(ITypeSymbol type)
    {
        if (type.IsRefLikeType || type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer || type is ITypeParameterSymbol { AllowsRefLikeType: true })
        {
            return SkipReason.RefLike;
        }

        var underlying = UnwrapNullable(type);
        if (underlying.TypeKind == TypeKind.Delegate)
        {
            return SkipReason.Delegate;
        }

        for (var current = underlying as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            var reason = LoggedTypeRules.SkipReasonOf(FullMetadataName(current.OriginalDefinition));
            if (reason != SkipReason.None)
            {
                return reason;
            }
        }

        if (IsSingleValue(underlying))
        {
            return SkipReason.None;
        }

        if (underlying.TypeKind == TypeKind.Array || underlying.SpecialType == SpecialType.System_Collections_IEnumerable)
        {
            return SkipReason.Collection;
        }

        foreach (var implemented in underlying.AllInterfaces)
        {
            if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return SkipReason.Collection;
            }
        }

        return SkipReason.None;
    }

    /// <summary>
    /// The members an object is flattened into: public instance properties with a public getter (no indexers, no
    /// by-ref returns) and public instance fields (no constants), not <c>[Obsolete]</c>, not ref structs or pointers;
    /// the most derived declaration of a name wins. Interfaces contribute their own members and those of the
    /// interfaces they extend.
    /// </summary>
    public static IEnumerable<(ISymbol Member, ITypeSymbol Type)> ReadableMembers(ITypeSymbol type, TrackingSymbols symbols)
    {
        var seen = new HashSet<string>();
        foreach (var declaring in DeclaringTypes(type))
        {
            foreach (var member in declaring.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || symbols.IsObsolete(member))
                {
                    continue;
                }

                ITypeSymbol? memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false, ReturnsByRef: false, ReturnsByRefReadonly: false, GetMethod.DeclaredAccessibility: Accessibility.Public } property => property.Type,
                    IFieldSymbol { IsConst: false, IsImplicitlyDeclared: false } field => field.Type,
                    _ => null,
                };
                if (memberType is null || memberType.IsRefLikeType || memberType.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer || !seen.Add(member.Name))
                {
                    continue;
                }

                yield return (member, memberType);
            }
        }
    }

    /// <summary>Reads a <c>[LogParam]</c>: its key (null: the member's name) and its <c>Redact</c> value.</summary>
    public static void ReadAttribute(AttributeData attribute, out string? name, out int redaction)
    {
        name = NameOf(attribute);
        redaction = 0;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Redact" && argument.Value.Value is int value)
            {
                redaction = value;
            }
        }
    }

    /// <summary>The name given to a <c>[LogParam]</c> or <c>[LogMetric]</c>, or null.</summary>
    public static string? NameOf(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name ? name : null;

    public static ITypeSymbol UnwrapNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    /// <summary>The name reflection gives as <c>Type.FullName</c> of the (generic definition of the) type: <c>System.Lazy`1</c>, <c>Outer+Inner</c>.</summary>
    public static string FullMetadataName(INamedTypeSymbol type)
    {
        if (type.ContainingType is { } outer)
        {
            return FullMetadataName(outer) + "+" + type.MetadataName;
        }

        return type.ContainingNamespace is null || type.ContainingNamespace.IsGlobalNamespace
            ? type.MetadataName
            : type.ContainingNamespace.ToDisplayString() + "." + type.MetadataName;
    }

    private static ParamNode? Build(string key, ISymbol source, ITypeSymbol type, IParameterSymbol root, int redaction, int depth, List<ITypeSymbol> path, bool isRoot, bool isExplicit, TrackingSymbols symbols)
    {
        var none = System.Array.Empty<ParamNode>();
        var skip = SkipReasonOf(type);
        if (skip != SkipReason.None)
        {
            return new ParamNode(key, source, type, root, redaction, skip, none, isExplicit);
        }

        var isSingle = IsSingleValue(type);
        if (redaction != 0 || isSingle || IsOpaque(type))
        {
            return new ParamNode(key, source, type, root, redaction, SkipReason.None, none, isExplicit) { FormatRunsUserCode = !isSingle };
        }

        var objectType = UnwrapNullable(type);
        var members = new List<ParamNode>();
        if (depth < LoggedTypeRules.MaxObjectDepth && !Contains(path, objectType))
        {
            path.Add(objectType);
            foreach (var (member, memberType) in ReadableMembers(objectType, symbols))
            {
                string? name = null;
                var memberRedaction = 0;
                var attribute = symbols.Find(member, symbols.LogParam);
                if (attribute is not null)
                {
                    ReadAttribute(attribute, out name, out memberRedaction);
                }

                var child = Build(key + "." + (name ?? member.Name), member, memberType, root, memberRedaction, depth + 1, path, isRoot: false, attribute is not null, symbols);
                if (child is not null)
                {
                    members.Add(child with { ReadRunsUserCode = member is IPropertySymbol property && !IsAutoProperty(property) });
                }
            }

            path.RemoveAt(path.Count - 1);
        }

        if (members.Count == 0 || members.TrueForAll(m => m.Skip != SkipReason.None))
        {
            // Nothing to flatten: a root is logged whole through ToString, a member is left out.
            return isRoot ? new ParamNode(key, source, type, root, 0, SkipReason.None, none, isExplicit) { FormatRunsUserCode = true } : null;
        }

        return new ParamNode(key, source, type, root, 0, SkipReason.None, members, isExplicit);
    }

    /// <summary>
    /// A property of this compilation whose getter is the compiler's (<c>{ get; }</c>, <c>{ get; init; }</c>, a record's
    /// positional property): reading it cannot throw. Getters with a body (including C# 14 <c>get =&gt; field ...</c>),
    /// and every getter of a referenced assembly, are user code.
    /// </summary>
    public static bool IsAutoProperty(IPropertySymbol property)
    {
        var getter = (property.PartialImplementationPart ?? property).GetMethod;
        if (getter is null || getter.DeclaringSyntaxReferences.Length == 0)
        {
            return false;
        }

        foreach (var reference in getter.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax())
            {
                case AccessorDeclarationSyntax { Body: null, ExpressionBody: null }:
                case ParameterSyntax:
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>Types whose members say nothing useful: logged as one value through <c>ToString</c>.</summary>
    private static bool IsOpaque(ITypeSymbol type) =>
        type.TypeKind is TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Error || type.SpecialType == SpecialType.System_Object;

    private static IEnumerable<ITypeSymbol> DeclaringTypes(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Interface)
        {
            yield return type;
            foreach (var extended in type.AllInterfaces)
            {
                yield return extended;
            }

            yield break;
        }

        for (var current = type; current is not null && current.SpecialType is not SpecialType.System_Object and not SpecialType.System_ValueType; current = current.BaseType)
        {
            yield return current;
        }
    }

    private static bool Contains(List<ITypeSymbol> path, ITypeSymbol type)
    {
        foreach (var item in path)
        {
            if (SymbolEqualityComparer.Default.Equals(item, type))
            {
                return true;
            }
        }

        return false;
    }
}
