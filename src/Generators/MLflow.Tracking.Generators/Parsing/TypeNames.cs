using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>How generated code spells types, names and literals.</summary>
internal static class TypeNames
{
    /// <summary><c>global::</c>-qualified, with nullable annotations and keywords for special types.</summary>
    public static readonly SymbolDisplayFormat Qualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Short names with nullable annotations, as a user writes them: for diagnostic messages.</summary>
    public static readonly SymbolDisplayFormat Short = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Namespace-qualified without <c>global::</c>, for source names.</summary>
    public static readonly SymbolDisplayFormat SourceName = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    public static string Display(ITypeSymbol type) => type.ToDisplayString(Qualified);

    /// <summary>An identifier, escaped with <c>@</c> when it is a keyword.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>
    /// A file-name-safe rendering of a name: letters, digits, '_' and '.' stay, anything else becomes '-', which no
    /// identifier contains (so <c>Box`1</c> becomes <c>Box-1</c> and cannot meet a type named <c>Box_1</c>).
    /// </summary>
    public static string HintSafe(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '-');
        }

        return builder.ToString();
    }
}
