using System.Collections.Generic;
using MLflow.Tracking.Generators.Model;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>Finds the metrics of a tracked method's result: <c>[return: LogMetric]</c> and <c>[LogMetric]</c> members.</summary>
internal static class MetricReader
{
    public static EquatableArray<MetricLogModel> Read(IMethodSymbol method, ITypeSymbol? resultType, KnownSymbols symbols)
    {
        var metrics = new List<MetricLogModel>();
        if (resultType is null)
        {
            return EquatableArray<MetricLogModel>.Empty;
        }

        foreach (var attribute in method.GetReturnTypeAttributes())
        {
            if (KnownSymbols.Is(symbols.LogMetric, attribute.AttributeClass)
                && ValueTypes.IsNumeric(resultType, out var isNullable, out var isDouble))
            {
                metrics.Add(new MetricLogModel(NameOf(attribute) ?? method.Name, null, isNullable, isDouble));
            }
        }

        var seen = new HashSet<string>();
        var type = ValueTypes.UnwrapNullable(resultType);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic
                    || member.DeclaredAccessibility != Accessibility.Public
                    || symbols.IsObsolete(member)
                    || !seen.Add(member.Name)
                    || symbols.Find(member, symbols.LogMetric) is not { } attribute)
                {
                    continue;
                }

                var memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false, GetMethod.DeclaredAccessibility: Accessibility.Public } property => property.Type,
                    IFieldSymbol field => field.Type,
                    _ => null,
                };
                if (memberType is not null && ValueTypes.IsNumeric(memberType, out var isNullable, out var isDouble))
                {
                    metrics.Add(new MetricLogModel(NameOf(attribute) ?? member.Name, TypeNames.Identifier(member.Name), isNullable, isDouble));
                }
            }
        }

        return EquatableArray.From(metrics);
    }

    private static string? NameOf(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
}
