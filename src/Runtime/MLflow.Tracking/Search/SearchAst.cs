using System.Collections.Generic;

namespace MLflow.Tracking.Search;

/// <summary>What a filter or order_by key refers to.</summary>
internal enum SearchEntity
{
    /// <summary>A run attribute (run_name, status, start_time…) or an experiment attribute (name, creation_time…).</summary>
    Attribute,

    /// <summary>A run's latest metric value.</summary>
    Metric,

    /// <summary>A run param.</summary>
    Param,

    /// <summary>A run or experiment tag.</summary>
    Tag,

    /// <summary>A dataset logged as a run input: its name, digest or context (runs only).</summary>
    Dataset,
}

/// <summary>MLflow's comparison operators.</summary>
internal enum SearchOperator
{
    /// <summary><c>=</c>.</summary>
    Equal,

    /// <summary><c>!=</c>.</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    Less,

    /// <summary><c>&lt;=</c>.</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    Greater,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>LIKE</c> (case-sensitive, % and _ wildcards).</summary>
    Like,

    /// <summary><c>ILIKE</c> (case-insensitive).</summary>
    ILike,

    /// <summary><c>IN (…)</c>.</summary>
    In,

    /// <summary><c>NOT IN (…)</c>.</summary>
    NotIn,
}

/// <summary>A value on the right of a comparison.</summary>
internal abstract record SearchValue;

/// <summary>A quoted string.</summary>
/// <param name="Value">The text.</param>
internal sealed record SearchStringValue(string Value) : SearchValue;

/// <summary>A number (metrics and times).</summary>
/// <param name="Value">The number.</param>
internal sealed record SearchNumberValue(double Value) : SearchValue;

/// <summary>A parenthesised list of strings (IN / NOT IN).</summary>
/// <param name="Values">The strings.</param>
internal sealed record SearchListValue(IReadOnlyList<string> Values) : SearchValue;

/// <summary>One <c>key op value</c> clause.</summary>
/// <param name="Entity">What the key refers to.</param>
/// <param name="Key">The key (attribute names are canonical: start_time, run_name, name…).</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">The value.</param>
/// <param name="Position">Where the clause starts in the filter text.</param>
internal sealed record SearchComparison(SearchEntity Entity, string Key, SearchOperator Operator, SearchValue Value, int Position);

/// <summary>A parsed filter: clauses joined by AND (MLflow has no OR).</summary>
/// <param name="Clauses">The clauses; empty matches everything.</param>
internal sealed record SearchFilter(IReadOnlyList<SearchComparison> Clauses)
{
    /// <summary>A filter that matches everything.</summary>
    public static SearchFilter Empty { get; } = new(System.Array.Empty<SearchComparison>());
}

/// <summary>One order_by clause.</summary>
/// <param name="Entity">What the key refers to.</param>
/// <param name="Key">The key (attribute names canonical).</param>
/// <param name="Ascending">ASC (the default) or DESC.</param>
internal sealed record SearchOrder(SearchEntity Entity, string Key, bool Ascending);
