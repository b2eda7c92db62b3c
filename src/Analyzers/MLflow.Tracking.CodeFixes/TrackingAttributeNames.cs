using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MLflow.Tracking.CodeFixes;

/// <summary>Recognizes MLflow.Tracking's attributes by their written name, as the fixes work on syntax.</summary>
internal static class TrackingAttributeNames
{
    public static bool IsLogParam(AttributeSyntax attribute) => Matches(attribute, "LogParam");

    public static bool IsTrackingAttribute(AttributeSyntax attribute) =>
        Matches(attribute, "LogParam") || Matches(attribute, "LogMetric") || Matches(attribute, "LogArtifact") || Matches(attribute, "TrackedRun") || Matches(attribute, "RunTag");

    private static bool Matches(AttributeSyntax attribute, string name)
    {
        var written = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => attribute.Name.ToString(),
        };
        return written == name || written == name + "Attribute";
    }
}
