using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>
/// The warning IDs that naming the tracked method's types raises: <c>[Obsolete]</c> (CS0612, CS0618 or its own
/// DiagnosticId) and <c>[Experimental]</c> (its ID). The generated file repeats those types, so it disables exactly
/// these IDs; the user's declaration names the same types and still gets (or suppresses) the diagnostics itself.
/// Obsolete errors (<c>error: true</c>, CS0619) cannot be suppressed, and the user's own code has them too.
/// </summary>
internal static class WarningSuppressions
{
    public static List<string> For(IMethodSymbol method)
    {
        var ids = new SortedSet<string>(System.StringComparer.Ordinal);
        var visited = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var parameter in method.Parameters)
        {
            Collect(parameter.Type, ids, visited);
        }

        Collect(method.ReturnType, ids, visited);
        foreach (var typeParameter in method.TypeParameters)
        {
            foreach (var constraint in typeParameter.ConstraintTypes)
            {
                Collect(constraint, ids, visited);
            }
        }

        return new List<string>(ids);
    }

    private static void Collect(ITypeSymbol type, SortedSet<string> ids, HashSet<ITypeSymbol> visited)
    {
        if (!visited.Add(type))
        {
            return;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                Collect(array.ElementType, ids, visited);
                return;
            case IPointerTypeSymbol pointer:
                Collect(pointer.PointedAtType, ids, visited);
                return;
            case INamedTypeSymbol named:
                for (var current = named; current is not null; current = current.ContainingType)
                {
                    Read(current.OriginalDefinition, ids);
                }

                foreach (var argument in named.TypeArguments)
                {
                    Collect(argument, ids, visited);
                }

                return;
        }
    }

    private static void Read(ISymbol symbol, SortedSet<string> ids)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case "System.ObsoleteAttribute":
                    if (NamedString(attribute, "DiagnosticId") is { } obsoleteId)
                    {
                        ids.Add(obsoleteId);
                    }
                    else if (!(attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[1].Value is true))
                    {
                        // CS0612 without a message, CS0618 with one: both, as a null message counts as none.
                        ids.Add("CS0612");
                        ids.Add("CS0618");
                    }

                    break;
                case "System.Diagnostics.CodeAnalysis.ExperimentalAttribute":
                    if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string experimentalId)
                    {
                        ids.Add(experimentalId);
                    }

                    break;
            }
        }
    }

    private static string? NamedString(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is string text && text.Length > 0)
            {
                return text;
            }
        }

        return null;
    }
}
