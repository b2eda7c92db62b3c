using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MLflow.Tracking.Analyzers;

/// <summary>Where in source an attribute, or one of its arguments, was written.</summary>
internal static class AttributeLocations
{
    public static Location Of(AttributeData attribute, ISymbol fallback) =>
        attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? FirstLocation(fallback);

    /// <summary>The positional argument at <paramref name="index"/>, or the named argument <paramref name="name"/>.</summary>
    public static Location OfArgument(AttributeData attribute, ISymbol fallback, int index, string? name = null)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax { ArgumentList: { } list } syntax)
        {
            var position = 0;
            foreach (var argument in list.Arguments)
            {
                var argumentName = argument.NameEquals?.Name.Identifier.ValueText ?? argument.NameColon?.Name.Identifier.ValueText;
                if (name is not null && argumentName == name)
                {
                    return argument.Expression.GetLocation();
                }

                if (argument.NameEquals is null && argument.NameColon is null && position++ == index && name is null)
                {
                    return argument.Expression.GetLocation();
                }
            }

            return syntax.GetLocation();
        }

        return FirstLocation(fallback);
    }

    public static Location FirstLocation(ISymbol symbol) => symbol.Locations.Length > 0 ? symbol.Locations[0] : Location.None;
}
