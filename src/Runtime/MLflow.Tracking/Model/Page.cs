using System.Collections.Generic;

namespace MLflow.Tracking;

/// <summary>One page of a paged MLflow result.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="NextPageToken">The token that fetches the next page, or null on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextPageToken)
{
    /// <summary>Whether another page follows.</summary>
    public bool HasMore => !string.IsNullOrEmpty(NextPageToken);
}
