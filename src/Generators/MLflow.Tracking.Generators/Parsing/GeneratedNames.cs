using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>
/// Names the generator invents: hint names, members and locals. Each must be unique where it lives and must not
/// meet a name the user wrote.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>
    /// <c>Namespace.Outer+Inner-1.Method.1a2b3c4d.g.cs</c>: readable, with '+' and '-' (no identifier has them) between
    /// nested types and before generic arities, and a hash of the method's documentation ID. Roslyn compares hint
    /// names ignoring case and overloads share a name, so only the hash (of a case-sensitive ID that differs per
    /// overload) tells <c>Box.M(int)</c>, <c>Box.M(double)</c> and <c>box.M(int)</c> apart.
    /// </summary>
    public static string HintName(IMethodSymbol method)
    {
        var containingType = method.ContainingType;
        var builder = new StringBuilder();
        if (!containingType.ContainingNamespace.IsGlobalNamespace)
        {
            builder.Append(TypeNames.HintSafe(containingType.ContainingNamespace.ToDisplayString())).Append('.');
        }

        var names = new List<string>();
        for (var type = containingType; type is not null; type = type.ContainingType)
        {
            names.Insert(0, TypeNames.HintSafe(type.MetadataName));
        }

        builder.Append(string.Join("+", names)).Append('.').Append(TypeNames.HintSafe(method.Name));
        var id = method.GetDocumentationCommentId() ?? method.ToDisplayString();
        return builder.Append('.').Append(Fnv1a(id).ToString("x8", CultureInfo.InvariantCulture)).Append(".g.cs").ToString();
    }

    /// <summary>
    /// The suffix of the members generated for a method: its name, '_' and its index among the members of that
    /// name. Unique within the type: the index has no '_', so the last '_' splits suffix back into name and index
    /// (<c>M</c> overload 0 is <c>M_0</c>, a method named <c>M_0</c> is <c>M_0_0</c>).
    /// </summary>
    public static string MemberSuffix(IMethodSymbol method)
    {
        var members = method.ContainingType.GetMembers(method.Name);
        var index = 0;
        for (var i = 0; i < members.Length; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(members[i], method))
            {
                index = i;
            }
        }

        return method.Name + "_" + index.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The prefix of generated locals and helper parameters: more leading underscores than any parameter or type
    /// parameter of the method has, so <c>__run</c> becomes <c>___run</c> next to a parameter named <c>__run</c>.
    /// </summary>
    public static string LocalPrefix(IMethodSymbol method)
    {
        var most = 1;
        foreach (var parameter in method.Parameters)
        {
            most = System.Math.Max(most, LeadingUnderscores(parameter.Name));
        }

        foreach (var typeParameter in method.TypeParameters)
        {
            most = System.Math.Max(most, LeadingUnderscores(typeParameter.Name));
        }

        return new string('_', most + 1);
    }

    private static int LeadingUnderscores(string name)
    {
        var count = 0;
        while (count < name.Length && name[count] == '_')
        {
            count++;
        }

        return count;
    }

    /// <summary>FNV-1a over UTF-16 code units: stable across processes (unlike <see cref="string.GetHashCode()"/>).</summary>
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
