namespace MLflow.Tracking.Search;

/// <summary>The kinds of token in MLflow's search language.</summary>
internal enum SearchTokenKind
{
    /// <summary>An identifier such as <c>metrics.acc</c>, <c>name</c> or <c>tags.`my key`</c> (quotes removed from the key).</summary>
    Identifier,

    /// <summary>A quoted string value.</summary>
    String,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A comparison operator made of <c>=</c>, <c>!</c>, <c>&lt;</c>, <c>&gt;</c>.</summary>
    Operator,

    /// <summary>A word: AND, OR, LIKE, ILIKE, IN, NOT, ASC, DESC.</summary>
    Keyword,

    /// <summary><c>(</c>.</summary>
    OpenParen,

    /// <summary><c>)</c>.</summary>
    CloseParen,

    /// <summary><c>,</c>.</summary>
    Comma,

    /// <summary>The end of the text.</summary>
    End,
}

/// <summary>One token of a filter or order_by clause.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">The text as written (for errors).</param>
/// <param name="Value">The meaning: an unquoted string, the identifier's parts joined, the keyword upper-cased.</param>
/// <param name="Position">Where it starts (0-based character offset).</param>
/// <param name="Entity">For identifiers: the part before the first dot, or null when there is none.</param>
internal sealed record SearchToken(SearchTokenKind Kind, string Text, string Value, int Position, string? Entity = null);
