using System;

namespace MLflow.Tracking;

/// <summary>One point of an MLflow metric.</summary>
/// <param name="Key">The metric key.</param>
/// <param name="Value">The value; NaN and ±Infinity are allowed (sent as MLflow's JSON strings).</param>
/// <param name="Timestamp">When the value was measured (millisecond precision on the wire).</param>
/// <param name="Step">The training step, 0 when not given.</param>
public sealed record Metric(string Key, double Value, DateTimeOffset Timestamp, long Step = 0);
