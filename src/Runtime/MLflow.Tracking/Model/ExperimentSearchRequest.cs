using System;
using System.Collections.Generic;

namespace MLflow.Tracking;

/// <summary>An experiments/search query.</summary>
public sealed record ExperimentSearchRequest
{
    /// <summary>A filter such as <c>name LIKE 'train%' AND tags.team = 'vision'</c>; null for all.</summary>
    public string? Filter { get; init; }

    /// <summary>Order clauses such as <c>name ASC</c> or <c>creation_time DESC</c>.</summary>
    public IReadOnlyList<string> OrderBy { get; init; } = Array.Empty<string>();

    /// <summary>The page size (1 to 50000). MLflow requires it; the default here is 1000.</summary>
    public int MaxResults { get; init; } = 1000;

    /// <summary>The token of the page to fetch; null for the first page.</summary>
    public string? PageToken { get; init; }

    /// <summary>Which lifecycle stages to include.</summary>
    public ViewType ViewType { get; init; } = ViewType.ActiveOnly;
}
