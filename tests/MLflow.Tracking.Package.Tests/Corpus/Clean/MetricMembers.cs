// Shape: a void tracked method, and a result class with float, long and nullable metric members.
using MLflow.Tracking;

namespace Corpus.Clean.MetricMembers;

public sealed class Report
{
    [LogMetric]
    public float Precision { get; init; }

    [LogMetric("rows")]
    public long Rows { get; init; }

    [LogMetric]
    public int? Skipped { get; init; }

    public string Notes { get; init; } = "";
}

public partial class Auditor
{
    [TrackedRun]
    public partial Report Audit([LogParam] int sample);

    [TrackedRun]
    public partial void Ping();

    private Report AuditCore(int sample) => new() { Precision = 0.5f, Rows = sample };

    private void PingCore()
    {
    }
}
