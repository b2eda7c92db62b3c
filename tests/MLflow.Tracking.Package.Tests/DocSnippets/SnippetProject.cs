using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MLflow.Tracking.Package.Tests.DocSnippets;

/// <summary>One source file of a snippet project: the block it comes from and the name it gets in the project.</summary>
internal sealed record SnippetSource(CodeBlock Block, string FileName);

/// <summary>
/// The blocks that form one consumer project of the packed package: one unmarked block, or every block whose marker
/// names the project. A program (top-level statements) is run unless a block is compile-only.
/// </summary>
internal sealed class SnippetProject(string name)
{
    private bool? _isProgram;

    public string Name { get; } = name;

    public List<SnippetSource> Sources { get; } = [];

    public SortedSet<string> Packages { get; } = new(System.StringComparer.Ordinal);

    public string? Sdk { get; set; }

    /// <summary>The reason of the first compile-only block, when there is one: the project is then built, never run.</summary>
    public string? CompileOnlyReason { get; set; }

    /// <summary>The block that holds the expected standard output of the run (after an <c>&lt;!-- output --&gt;</c> comment).</summary>
    public CodeBlock? ExpectedOutput { get; set; }

    public string Location => Sources[0].Block.Location;

    /// <summary>A program has top-level statements (a snippet never declares Main); anything else is a library.</summary>
    public bool IsProgram => _isProgram ??= Sources.Any(s =>
        CSharpSyntaxTree.ParseText(s.Block.Code).GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any());

    public bool Runs => IsProgram && CompileOnlyReason is null;

    public override string ToString() => Name;
}
