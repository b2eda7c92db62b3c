// Shape: params of many value kinds (nullable, default, enum, DateTime, Guid, bool, decimal) and a nullable metric.
using MLflow.Tracking;

namespace Corpus.Clean.ValueKinds;

public enum Optimizer
{
    Sgd,
    Adam,
}

public partial class Tuner
{
    [TrackedRun]
    [return: LogMetric("best")]
    public partial double? Tune(
        [LogParam] string? label,
        [LogParam] Optimizer optimizer,
        [LogParam] DateTime since,
        [LogParam] Guid trial,
        [LogParam] bool warmStart,
        [LogParam] decimal budget,
        [LogParam] int retries = 3);

    private double? TuneCore(string? label, Optimizer optimizer, DateTime since, Guid trial, bool warmStart, decimal budget, int retries) =>
        label is null ? null : retries;
}
