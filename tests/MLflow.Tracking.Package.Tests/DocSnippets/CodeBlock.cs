namespace MLflow.Tracking.Package.Tests.DocSnippets;

/// <summary>
/// A fenced block of a Markdown page: its language, its text (fence indentation removed), where it starts, and the
/// <c>&lt;!-- ... --&gt;</c> comment right before it, if any (blank lines between are allowed).
/// </summary>
/// <param name="Page">The page, relative to the repository root, with <c>/</c> separators.</param>
/// <param name="FenceLine">The 1-based line of the opening fence; the code starts on the next line.</param>
internal sealed record CodeBlock(string Page, int FenceLine, string Language, string Code, string? CommentBefore)
{
    public bool IsCSharp => Language is "csharp" or "cs" or "c#";

    /// <summary>Where the block is, as an editor opens it: <c>docs/client.md:12</c>.</summary>
    public string Location => Page + ":" + FenceLine;
}
