using System.Collections.Generic;
using MLflow.Tracking.Generators.Model;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>
/// Turns a <c>[LogParam]</c> parameter into the params to log: simple values as one param, objects flattened at
/// compile time into <c>name.Member</c> params of their public readable members, nested objects up to a small depth.
/// </summary>
internal sealed class ParamFlattener
{
    /// <summary>How many object levels are flattened: <c>options.Inner.Deeper.X</c> at most.</summary>
    private const int MaxObjectDepth = 3;

    private static readonly string[] RedactionNames = { "None", "Hash", "Length" };

    private readonly KnownSymbols _symbols;

    public ParamFlattener(KnownSymbols symbols) => _symbols = symbols;

    /// <summary>The param(s) for a parameter, or null when the parameter is not logged.</summary>
    public ParamLogModel? ForParameter(IParameterSymbol parameter)
    {
        if (parameter.RefKind == RefKind.Out || parameter.Type.IsRefLikeType || parameter.Type.TypeKind == TypeKind.Pointer)
        {
            return null;
        }

        var attribute = _symbols.Find(parameter, _symbols.LogParam);
        if (attribute is null)
        {
            return null;
        }

        ReadAttribute(attribute, out var name, out var redaction);
        var path = new List<ITypeSymbol>();
        return Build(name ?? parameter.Name, TypeNames.Identifier(parameter.Name), parameter.Type, redaction, depth: 0, path, isRoot: true);
    }

    public static void ReadAttribute(AttributeData attribute, out string? name, out string? redaction)
    {
        name = null;
        redaction = null;
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string text)
        {
            name = text;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Redact" && argument.Value.Value is int value && value > 0 && value < RedactionNames.Length)
            {
                redaction = RedactionNames[value];
            }
        }
    }

    private ParamLogModel? Build(string key, string access, ITypeSymbol type, string? redaction, int depth, List<ITypeSymbol> path, bool isRoot)
    {
        var isString = type.SpecialType == SpecialType.System_String;
        if (redaction is not null || ValueTypes.IsSimple(type) || IsOpaque(type))
        {
            return Leaf(key, access, type, redaction, isString);
        }

        if (IsCollection(type) || type.TypeKind == TypeKind.Delegate)
        {
            return null;
        }

        var objectType = ValueTypes.UnwrapNullable(type);
        var members = new List<ParamLogModel>();
        if (depth < MaxObjectDepth && !Contains(path, objectType))
        {
            path.Add(objectType);
            AddMembers(key, objectType, depth + 1, path, members);
            path.RemoveAt(path.Count - 1);
        }

        if (members.Count == 0)
        {
            // An object with nothing to flatten: a root is logged through ToString, a member is left out.
            return isRoot ? Leaf(key, access, type, redaction: null, isString: false) : null;
        }

        return new ParamLogModel(key, access, ParamLogKind.Object, null, false, ValueTypes.CanBeNull(type), EquatableArray.From(members));
    }

    private static ParamLogModel Leaf(string key, string access, ITypeSymbol type, string? redaction, bool isString) =>
        new(key, access, ValueTypes.CanBeNull(type) && !type.IsValueType ? ParamLogKind.NullableReference : ParamLogKind.Value, redaction, isString, false, EquatableArray<ParamLogModel>.Empty);

    private void AddMembers(string key, ITypeSymbol type, int depth, List<ITypeSymbol> path, List<ParamLogModel> members)
    {
        var seen = new HashSet<string>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (!TryReadable(member, out var memberType) || !seen.Add(member.Name))
                {
                    continue;
                }

                string? name = null;
                string? redaction = null;
                var attribute = _symbols.Find(member, _symbols.LogParam);
                if (attribute is not null)
                {
                    ReadAttribute(attribute, out name, out redaction);
                }

                var child = Build(key + "." + (name ?? member.Name), TypeNames.Identifier(member.Name), memberType!, redaction, depth, path, isRoot: false);
                if (child is not null)
                {
                    members.Add(child);
                }
            }
        }
    }

    private bool TryReadable(ISymbol member, out ITypeSymbol? type)
    {
        type = null;
        if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared || _symbols.IsObsolete(member))
        {
            return false;
        }

        switch (member)
        {
            case IPropertySymbol { IsIndexer: false, GetMethod.DeclaredAccessibility: Accessibility.Public, ReturnsByRef: false, ReturnsByRefReadonly: false } property:
                type = property.Type;
                break;
            case IFieldSymbol { IsConst: false } field:
                type = field.Type;
                break;
            default:
                return false;
        }

        return !type.IsRefLikeType && type.TypeKind != TypeKind.Pointer && type.TypeKind != TypeKind.FunctionPointer;
    }

    private bool IsCollection(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Array)
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, _symbols.Enumerable))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Types whose members say nothing useful: logged as one formatted value.</summary>
    private static bool IsOpaque(ITypeSymbol type) =>
        type.TypeKind is TypeKind.TypeParameter or TypeKind.Dynamic
        || type.SpecialType == SpecialType.System_Object;

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
