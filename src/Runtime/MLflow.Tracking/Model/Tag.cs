namespace MLflow.Tracking;

/// <summary>An MLflow tag of a run or an experiment.</summary>
/// <param name="Key">The tag key.</param>
/// <param name="Value">The value (at most 8000 characters are stored for runs, 5000 for experiments).</param>
public sealed record Tag(string Key, string Value);
