namespace MLflow.Tracking;

/// <summary>Which lifecycle stages a search returns.</summary>
public enum ViewType
{
    /// <summary>Only active experiments or runs (the default).</summary>
    ActiveOnly = 1,

    /// <summary>Only deleted experiments or runs.</summary>
    DeletedOnly = 2,

    /// <summary>Both.</summary>
    All = 3,
}
