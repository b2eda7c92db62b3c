using System;
using System.Collections.Generic;

namespace MLflow.Tracking;

/// <summary>A runs/search query in MLflow's search language.</summary>
public sealed record RunSearchRequest
{
    /// <summary>The experiments to search.</summary>
    public IReadOnlyList<string> ExperimentIds { get; init; } = Array.Empty<string>();

    /// <summary>A filter such as <c>metrics.rmse &lt; 1 AND params.model = 'tree'</c>; null for all runs.</summary>
    public string? Filter { get; init; }

    /// <summary>Order clauses such as <c>metrics.rmse DESC</c> or <c>attributes.start_time</c>.</summary>
    public IReadOnlyList<string> OrderBy { get; init; } = Array.Empty<string>();

    /// <summary>The page size (1 to 50000; MLflow's default is 1000).</summary>
    public int MaxResults { get; init; } = 1000;

    /// <summary>The token of the page to fetch; null for the first page.</summary>
    public string? PageToken { get; init; }

    /// <summary>Which lifecycle stages to include.</summary>
    public ViewType ViewType { get; init; } = ViewType.ActiveOnly;
}
