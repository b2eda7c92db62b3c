using System;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.Tests.Tracking.Support;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Tests.Tracking;

/// <summary>A param value that cannot be read (a throwing getter) is a warning of the tracker, never the user's problem.</summary>
public sealed class ReadFailureTests
{
    [Fact]
    public async Task A_read_failure_is_a_warning_naming_the_key_and_the_exception_type_but_not_its_message()
    {
        await using var harness = new TrackerHarness();
        var run = harness.Tracker.StartRun(TrackerHarness.Definition("train"));

        run.ReportReadFailure("options.Password", new InvalidOperationException("hunter2"));
        run.Complete();
        run.Dispose();

        var warning = Assert.Single(harness.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("options.Password", StringComparison.Ordinal));
        Assert.Contains("System.InvalidOperationException", warning.Text, StringComparison.Ordinal);
        Assert.Contains("train", warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Logs.Entries, e => e.Text.Contains("hunter2", StringComparison.Ordinal));
    }
}
