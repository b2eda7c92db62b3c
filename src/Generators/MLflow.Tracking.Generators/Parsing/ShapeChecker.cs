using System.Collections.Generic;
using MLflow.Tracking.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>
/// The shapes the generator cannot implement, each with a diagnostic that says what to change: MLFLOW002 where the
/// declaration or a containing type gives the generator no place to write the body, MLFLOW007 where the signature
/// cannot be wrapped. Without them the user would see only CS8795, or, for <c>partial void</c>, nothing at all (the
/// compiler removes calls to an unimplemented partial void method, so the Core would silently never run).
/// </summary>
internal static class ShapeChecker
{
    /// <summary>MLFLOW002 for the declaration itself; false when there is one (then nothing else is checked).</summary>
    public static bool CheckDeclaration(IMethodSymbol method, MethodDeclarationSyntax declaration, List<DiagnosticInfo> diagnostics)
    {
        var location = declaration.Identifier.GetLocation();
        string? problem = null;
        if (declaration.Body is not null || declaration.ExpressionBody is not null)
        {
            problem = method.PartialDefinitionPart is not null
                ? $"has its own implementation; the generator writes it, so delete this body and put the code into '{CoreMatcher.ExpectedCore(method)}'"
                : $"must be a partial declaration without a body; declare it 'partial' and move the body into '{CoreMatcher.ExpectedCore(method)}'";
        }
        else if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            problem = "must be declared 'partial' (without a body), so that the generator can implement it";
        }
        else if (method.PartialImplementationPart is not null)
        {
            problem = $"already has an implementation part; delete it and put the code into '{CoreMatcher.ExpectedCore(method)}'";
        }

        if (problem is null)
        {
            problem = ContainingTypeProblem(declaration, method.ContainingType);
        }

        if (problem is null)
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.TrackedRunNotPartial, location, method.Name, problem));
        return false;
    }

    /// <summary>MLFLOW007 for everything but the Core (which <see cref="CoreMatcher"/> checks).</summary>
    public static void CheckSignature(IMethodSymbol method, MethodDeclarationSyntax declaration, bool isAsync, KnownSymbols symbols, List<DiagnosticInfo> diagnostics)
    {
        var location = declaration.Identifier.GetLocation();
        void Report(Location where, string why) =>
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedSignature, where, method.Name, why));

        if (declaration.Modifiers.Any(SyntaxKind.AsyncKeyword))
        {
            Report(location, $"remove 'async' from the partial declaration; '{method.Name}Core' may be async");
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            Report(location, "a ref return cannot be tracked (the run would end while the caller still uses the reference); return the value");
        }

        if (IsLazySequence(method.ReturnType))
        {
            Report(location, $"it returns the lazy sequence '{method.ReturnType.ToDisplayString(TypeNames.Short)}', and the run would end before enumeration starts; return a materialized collection (a List<T> or an array), or track the method that consumes the sequence");
        }

        if (isAsync && method.ContainingType.IsRefLikeType && !method.IsStatic)
        {
            Report(location, $"an async method cannot be an instance member of the ref struct '{method.ContainingType.Name}'; make it static or synchronous");
        }

        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            var where = declaration.ParameterList.Parameters[i].Identifier.GetLocation();
            var refLike = IsRefLike(parameter.Type);
            if (isAsync && parameter.RefKind != RefKind.None)
            {
                Report(where, $"the async wrapper cannot take '{parameter.Name}' by reference (an async method cannot have ref, in or out parameters); pass it by value");
            }
            else if (isAsync && refLike)
            {
                Report(where, $"the async wrapper cannot take the ref struct '{parameter.Name}' of type '{parameter.Type.ToDisplayString(TypeNames.Short)}'; pass an array or Memory<T>");
            }
            else if (isAsync && ContainsPointer(parameter.Type))
            {
                Report(where, $"the async wrapper cannot take the pointer-typed '{parameter.Name}' (an async method cannot await in an unsafe context); pass an array or a handle");
            }
            else if (refLike && symbols.Find(parameter, symbols.LogParam) is not null)
            {
                Report(where, $"[LogParam] cannot log '{parameter.Name}' of type '{parameter.Type.ToDisplayString(TypeNames.Short)}', which is or may be a ref struct; log a copy (e.g. an array) from the Core, or remove [LogParam]");
            }
            else if (ContainsPointer(parameter.Type) && parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer && symbols.Find(parameter, symbols.LogParam) is not null)
            {
                Report(where, $"[LogParam] cannot log the pointer '{parameter.Name}'; remove [LogParam]");
            }
        }
    }

    /// <summary>Types whose values may be ref structs: ref struct types and type parameters that allow them.</summary>
    public static bool IsRefLike(ITypeSymbol type) =>
        type.IsRefLikeType || type is ITypeParameterSymbol { AllowsRefLikeType: true };

    /// <summary>Whether naming the type needs an unsafe context.</summary>
    public static bool ContainsPointer(ITypeSymbol type) => type switch
    {
        IPointerTypeSymbol or IFunctionPointerTypeSymbol => true,
        IArrayTypeSymbol array => ContainsPointer(array.ElementType),
        _ => false,
    };

    private static string? ContainingTypeProblem(MethodDeclarationSyntax declaration, INamedTypeSymbol containingType)
    {
        var type = containingType;
        for (var node = declaration.Parent; node is TypeDeclarationSyntax typeDeclaration; node = node.Parent)
        {
            if (type is null)
            {
                return null;
            }

            if (type.IsFileLocal)
            {
                return $"is declared in the file-local type '{type.Name}', and the generator cannot add a part to a 'file' type; make '{type.Name}' internal";
            }

            if (!typeDeclaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return type.Equals(containingType, SymbolEqualityComparer.Default)
                    ? $"is declared in '{type.Name}', which is not partial; add 'partial' to '{type.Name}'"
                    : $"is declared in a type nested in '{type.Name}', which is not partial; add 'partial' to '{type.Name}' (every containing type must be partial)";
            }

            type = type.ContainingType;
        }

        return null;
    }

    private static bool IsLazySequence(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        switch (named.OriginalDefinition.SpecialType)
        {
            case SpecialType.System_Collections_IEnumerable:
            case SpecialType.System_Collections_IEnumerator:
            case SpecialType.System_Collections_Generic_IEnumerable_T:
            case SpecialType.System_Collections_Generic_IEnumerator_T:
                return true;
        }

        var name = named.OriginalDefinition.ToDisplayString();
        return name is "System.Collections.Generic.IAsyncEnumerable<T>" or "System.Collections.Generic.IAsyncEnumerator<T>";
    }
}
