using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace MLflow.Tracking.CodeFixes;

/// <summary>Removes one attribute, and its brackets when it stood alone in them.</summary>
internal static class AttributeRemoval
{
    public static void Remove(SyntaxEditor editor, AttributeSyntax attribute)
    {
        if (attribute.Parent is AttributeListSyntax { Attributes.Count: 1 } list)
        {
            // Its own whitespace goes with it: the next token keeps the indentation it already has.
            editor.RemoveNode(list, SyntaxRemoveOptions.KeepNoTrivia);
        }
        else
        {
            editor.RemoveNode(attribute);
        }
    }
}
