using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>
/// Finds the user's body of a tracked method, <c>&lt;Name&gt;Core</c>, and says what is wrong when none fits: the
/// generated wrapper passes its parameters on unchanged, so the Core must take exactly them (types, ref kinds and
/// nullability), accept every type argument the tracked method accepts (constraints), and keep its promises
/// (<c>static</c>, <c>readonly</c>, <c>[DoesNotReturn]</c>).
/// </summary>
internal static class CoreMatcher
{
    public const string DoesNotReturn = "System.Diagnostics.CodeAnalysis.DoesNotReturnAttribute";

    /// <summary>The matching Core, or null with <paramref name="problem"/> saying what to change.</summary>
    public static IMethodSymbol? Find(IMethodSymbol method, Compilation compilation, out string? problem)
    {
        var coreName = method.Name + "Core";
        string? firstProblem = null;
        foreach (var member in method.ContainingType.GetMembers(coreName))
        {
            if (member is not IMethodSymbol core)
            {
                continue;
            }

            var mismatch = Compare(method, core, compilation);
            if (mismatch is null)
            {
                problem = null;
                return core;
            }

            firstProblem ??= mismatch;
        }

        problem = firstProblem is null
            ? $"'{coreName}' is missing; declare '{ExpectedCore(method)}' and put the body there"
            : $"'{coreName}' does not match: {firstProblem}; declare '{ExpectedCore(method)}'";
        return null;
    }

    /// <summary>The Core declaration the tracked method needs, as the user would write it.</summary>
    public static string ExpectedCore(IMethodSymbol method)
    {
        var builder = new StringBuilder("private ");
        if (method.IsStatic)
        {
            builder.Append("static ");
        }
        else if (method.IsReadOnly && !method.ContainingType.IsReadOnly)
        {
            builder.Append("readonly ");
        }

        builder.Append(method.ReturnsByRef ? "ref " : method.ReturnsByRefReadonly ? "ref readonly " : string.Empty)
            .Append(method.ReturnType.ToDisplayString(TypeNames.Short)).Append(' ').Append(method.Name).Append("Core");
        if (method.TypeParameters.Length > 0)
        {
            var names = new List<string>();
            foreach (var typeParameter in method.TypeParameters)
            {
                names.Add(typeParameter.Name);
            }

            builder.Append('<').Append(string.Join(", ", names)).Append('>');
        }

        var parameters = new List<string>();
        foreach (var parameter in method.Parameters)
        {
            parameters.Add(RefKindText(parameter.RefKind) + (parameter.IsParams ? "params " : string.Empty)
                + parameter.Type.ToDisplayString(TypeNames.Short) + " " + parameter.Name);
        }

        builder.Append('(').Append(string.Join(", ", parameters)).Append(')');
        foreach (var clause in Constraints.Clauses(method.TypeParameters, declared: null, all: true, TypeNames.Short))
        {
            builder.Append(' ').Append(clause);
        }

        return builder.ToString();
    }

    private static string? Compare(IMethodSymbol method, IMethodSymbol core, Compilation compilation)
    {
        if (core.TypeParameters.Length != method.TypeParameters.Length)
        {
            return $"it has {core.TypeParameters.Length} type parameters, expected {method.TypeParameters.Length}";
        }

        if (core.Parameters.Length != method.Parameters.Length)
        {
            return $"it has {core.Parameters.Length} parameters, expected {method.Parameters.Length}";
        }

        var constructed = core;
        if (core.TypeParameters.Length > 0)
        {
            var arguments = new ITypeSymbol[method.TypeParameters.Length];
            var annotations = new NullableAnnotation[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = method.TypeParameters[i];
                annotations[i] = NullableAnnotation.NotAnnotated;
            }

            constructed = core.Construct(System.Collections.Immutable.ImmutableArray.Create(arguments), System.Collections.Immutable.ImmutableArray.Create(annotations));
        }

        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var problem = CompareParameter(method.Parameters[i], constructed.Parameters[i]);
            if (problem is not null)
            {
                return problem;
            }
        }

        if (!SymbolEqualityComparer.Default.Equals(method.ReturnType, constructed.ReturnType) || method.RefKind != constructed.RefKind)
        {
            return $"it returns '{constructed.ReturnType.ToDisplayString(TypeNames.Short)}', expected '{method.ReturnType.ToDisplayString(TypeNames.Short)}'";
        }

        if (!Flows(constructed.ReturnType, method.ReturnType, exact: false))
        {
            return $"it returns '{constructed.ReturnType.ToDisplayString(TypeNames.Short)}', which may be null where '{method.Name}' promises '{method.ReturnType.ToDisplayString(TypeNames.Short)}'";
        }

        if (method.IsStatic && !core.IsStatic)
        {
            return "it is an instance method, and a static tracked method needs a static Core";
        }

        if (method.IsReadOnly && !core.IsReadOnly && !core.IsStatic)
        {
            return "it is not 'readonly', and a readonly tracked method would call it on a copy of 'this'";
        }

        if (core.IsAsync && core.ReturnsVoid)
        {
            return "'async void' cannot be tracked (the run would end before the work does); return Task";
        }

        for (var i = 0; i < method.TypeParameters.Length; i++)
        {
            var problem = CompareConstraints(method.TypeParameters[i], core.TypeParameters[i], core.TypeParameters, method.TypeParameters, compilation);
            if (problem is not null)
            {
                return problem;
            }
        }

        if (HasAttribute(method, DoesNotReturn) && !HasAttribute(core, DoesNotReturn))
        {
            return $"'{method.Name}' is [DoesNotReturn] and its Core is not; mark '{core.Name}' [DoesNotReturn] too";
        }

        return null;
    }

    private static string? CompareParameter(IParameterSymbol expected, IParameterSymbol actual)
    {
        if (!SymbolEqualityComparer.Default.Equals(expected.Type, actual.Type))
        {
            return $"parameter '{actual.Name}' is '{actual.Type.ToDisplayString(TypeNames.Short)}', expected '{expected.Type.ToDisplayString(TypeNames.Short)}'";
        }

        if (expected.RefKind != actual.RefKind)
        {
            return $"parameter '{actual.Name}' is passed {Passing(actual.RefKind)}, expected {Passing(expected.RefKind)}";
        }

        var flows = expected.RefKind switch
        {
            RefKind.None => Flows(expected.Type, actual.Type, exact: false),
            RefKind.Out => Flows(actual.Type, expected.Type, exact: false),
            _ => Flows(expected.Type, actual.Type, exact: true),
        };
        return flows
            ? null
            : $"parameter '{actual.Name}' is '{actual.Type.ToDisplayString(TypeNames.Short)}' where '{expected.Type.ToDisplayString(TypeNames.Short)}' is passed (nullability differs)";
    }

    /// <summary>
    /// Whether a value of <paramref name="from"/> may go where <paramref name="to"/> is expected without a nullable
    /// warning: top level may narrow from maybe-null to not-null only one way, type arguments must agree exactly;
    /// oblivious types (<c>#nullable disable</c>) agree with anything.
    /// </summary>
    private static bool Flows(ITypeSymbol from, ITypeSymbol to, bool exact)
    {
        var source = from.NullableAnnotation;
        var target = to.NullableAnnotation;
        if (source != NullableAnnotation.None && target != NullableAnnotation.None
            && (exact ? source != target : source == NullableAnnotation.Annotated && target == NullableAnnotation.NotAnnotated))
        {
            return false;
        }

        if (from is INamedTypeSymbol fromNamed && to is INamedTypeSymbol toNamed && fromNamed.TypeArguments.Length == toNamed.TypeArguments.Length)
        {
            for (var i = 0; i < fromNamed.TypeArguments.Length; i++)
            {
                if (!Flows(fromNamed.TypeArguments[i], toNamed.TypeArguments[i], exact: true))
                {
                    return false;
                }
            }
        }

        if (from is IArrayTypeSymbol fromArray && to is IArrayTypeSymbol toArray)
        {
            return Flows(fromArray.ElementType, toArray.ElementType, exact: true);
        }

        return true;
    }

    /// <summary>Every constraint of the Core's type parameter must hold for the tracked method's (CS0452, CS0314...).</summary>
    private static string? CompareConstraints(
        ITypeParameterSymbol mine,
        ITypeParameterSymbol cores,
        System.Collections.Immutable.ImmutableArray<ITypeParameterSymbol> coreParameters,
        System.Collections.Immutable.ImmutableArray<ITypeParameterSymbol> myParameters,
        Compilation compilation)
    {
        string Problem(string what) =>
            $"its type parameter '{cores.Name}' requires '{what}', which '{mine.Name}' does not guarantee; give the Core the tracked method's constraints";

        var isClass = mine.HasReferenceTypeConstraint || Any(mine.ConstraintTypes, t => t.TypeKind == TypeKind.Class);
        if (cores.HasReferenceTypeConstraint && !isClass)
        {
            return Problem("class");
        }

        if (cores.HasReferenceTypeConstraint && cores.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.NotAnnotated
            && mine.HasReferenceTypeConstraint && mine.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated)
        {
            return Problem("class");
        }

        if (cores.HasUnmanagedTypeConstraint && !mine.HasUnmanagedTypeConstraint)
        {
            return Problem("unmanaged");
        }

        if (cores.HasValueTypeConstraint && !mine.HasValueTypeConstraint)
        {
            return Problem("struct");
        }

        var isNotNull = mine.HasNotNullConstraint || mine.HasValueTypeConstraint
            || (mine.HasReferenceTypeConstraint && mine.ReferenceTypeConstraintNullableAnnotation != NullableAnnotation.Annotated)
            || Any(mine.ConstraintTypes, t => t.NullableAnnotation == NullableAnnotation.NotAnnotated);
        if (cores.HasNotNullConstraint && !isNotNull)
        {
            return Problem("notnull");
        }

        if (cores.HasConstructorConstraint && !mine.HasConstructorConstraint && !mine.HasValueTypeConstraint)
        {
            return Problem("new()");
        }

        if (mine.AllowsRefLikeType && !cores.AllowsRefLikeType)
        {
            return $"its type parameter '{cores.Name}' does not allow ref struct, while '{mine.Name}' does; add 'allows ref struct' to the Core";
        }

        foreach (var constraint in cores.ConstraintTypes)
        {
            var substituted = Substitute(constraint, coreParameters, myParameters, compilation);
            if (!compilation.HasImplicitConversion(mine, substituted))
            {
                return Problem(substituted.ToDisplayString(TypeNames.Short));
            }
        }

        return null;
    }

    /// <summary>The Core's constraint type written with the tracked method's type parameters.</summary>
    private static ITypeSymbol Substitute(
        ITypeSymbol type,
        System.Collections.Immutable.ImmutableArray<ITypeParameterSymbol> from,
        System.Collections.Immutable.ImmutableArray<ITypeParameterSymbol> to,
        Compilation compilation)
    {
        switch (type)
        {
            case ITypeParameterSymbol parameter:
                for (var i = 0; i < from.Length; i++)
                {
                    if (SymbolEqualityComparer.Default.Equals(from[i], parameter))
                    {
                        return to[i];
                    }
                }

                return type;
            case IArrayTypeSymbol array:
                return compilation.CreateArrayTypeSymbol(Substitute(array.ElementType, from, to, compilation), array.Rank);
            case INamedTypeSymbol { IsGenericType: true } named:
                var arguments = new ITypeSymbol[named.TypeArguments.Length];
                for (var i = 0; i < arguments.Length; i++)
                {
                    arguments[i] = Substitute(named.TypeArguments[i], from, to, compilation);
                }

                return named.OriginalDefinition.Construct(arguments);
            default:
                return type;
        }
    }

    private static bool Any(System.Collections.Immutable.ImmutableArray<ITypeSymbol> types, System.Func<ITypeSymbol, bool> predicate)
    {
        foreach (var type in types)
        {
            if (predicate(type))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasAttribute(ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == metadataName)
            {
                return true;
            }
        }

        return false;
    }

    private static string RefKindText(RefKind refKind) => refKind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In => "in ",
        (RefKind)4 => "ref readonly ",
        _ => string.Empty,
    };

    private static string Passing(RefKind refKind) => refKind == RefKind.None ? "by value" : "as '" + RefKindText(refKind).Trim() + "'";
}
