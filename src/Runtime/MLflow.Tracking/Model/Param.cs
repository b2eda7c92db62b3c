namespace MLflow.Tracking;

/// <summary>An MLflow param: an immutable key/value pair of a run.</summary>
/// <param name="Key">The param key.</param>
/// <param name="Value">The value (at most 6000 characters are stored).</param>
public sealed record Param(string Key, string Value);
