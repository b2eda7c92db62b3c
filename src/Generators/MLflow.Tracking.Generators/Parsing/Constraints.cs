using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>Writes <c>where</c> clauses of type parameters, for generated declarations and for diagnostic messages.</summary>
internal static class Constraints
{
    /// <summary>
    /// The clauses of <paramref name="typeParameters"/>. A partial implementation repeats exactly the clauses its
    /// declaration has (<paramref name="declared"/>; overrides have only <c>class</c>, <c>struct</c> or
    /// <c>default</c>), so with <paramref name="all"/> false only those are written. A private helper
    /// (<paramref name="all"/> true) needs every constraint but may not say <c>default</c>, which only overrides and
    /// explicit implementations may (CS8823).
    /// </summary>
    public static List<string> Clauses(
        ImmutableArray<ITypeParameterSymbol> typeParameters,
        SyntaxList<TypeParameterConstraintClauseSyntax>? declared,
        bool all,
        SymbolDisplayFormat format)
    {
        var clauses = new List<string>();
        foreach (var typeParameter in typeParameters)
        {
            var isDeclared = false;
            if (declared is { } clausesInSource)
            {
                foreach (var clause in clausesInSource)
                {
                    isDeclared |= clause.Name.Identifier.ValueText == typeParameter.Name;
                }
            }

            if (!all && !isDeclared)
            {
                continue;
            }

            var parts = Parts(typeParameter, format);
            if (parts.Count == 0)
            {
                if (all || !isDeclared)
                {
                    continue;
                }

                parts.Add("default");
            }

            clauses.Add("where " + TypeNames.Identifier(typeParameter.Name) + " : " + string.Join(", ", parts));
        }

        return clauses;
    }

    private static List<string> Parts(ITypeParameterSymbol typeParameter, SymbolDisplayFormat format)
    {
        var parts = new List<string>();
        if (typeParameter.HasReferenceTypeConstraint)
        {
            parts.Add(typeParameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
        }
        else if (typeParameter.HasUnmanagedTypeConstraint)
        {
            parts.Add("unmanaged");
        }
        else if (typeParameter.HasValueTypeConstraint)
        {
            parts.Add("struct");
        }
        else if (typeParameter.HasNotNullConstraint)
        {
            parts.Add("notnull");
        }

        foreach (var constraintType in typeParameter.ConstraintTypes)
        {
            parts.Add(constraintType.ToDisplayString(format));
        }

        if (typeParameter.HasConstructorConstraint)
        {
            parts.Add("new()");
        }

        if (typeParameter.AllowsRefLikeType)
        {
            parts.Add("allows ref struct");
        }

        return parts;
    }
}
