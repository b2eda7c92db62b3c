using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.Logging;
using MLflow.Tracking.Testing;
using MLflow.Tracking.TestSupport;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Tests.Logging;

/// <summary>The tracker's own warnings through the standard-error logger: every cause appears, each once.</summary>
public sealed class TrackerStandardErrorTests
{
    private static async Task TrackRefusedKeysAsync(ILoggerFactory loggerFactory)
    {
        using var mlflow = new MlflowFake(new MlflowOptions(), loggerFactory);
        for (var i = 0; i < 3; i++)
        {
            using var run = mlflow.Tracker.StartRun(new TrackedRunDefinition("training", "train-" + i, "Tests.Train"));
            run.LogMetric("bad key!", i);
            run.LogParam("also bad?", "x");
            run.Complete();
        }

        await mlflow.Tracker.FlushAsync();
    }

    [Fact]
    public async Task Repeated_refusals_print_one_line_per_cause_that_a_configured_logger_sees()
    {
        var recorded = new RecordingLoggerProvider();
        await TrackRefusedKeysAsync(recorded);
        var warnings = recorded.Entries.Where(entry => entry.Level >= LogLevel.Warning).ToArray();

        var output = new StringWriter();
        using var standardError = new DefaultLogging.ProviderLoggerFactory(new StandardErrorLoggerProvider(output));
        await TrackRefusedKeysAsync(standardError);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith("  ", StringComparison.Ordinal))
            .ToArray();

        // Three runs each refuse a metric and a param: the configured logger sees every refusal, standard error
        // one line for each distinct message kind, and at least the refused metric's.
        Assert.True(warnings.Length >= 6, $"expected every refusal logged, got {warnings.Length}");
        Assert.NotEmpty(lines);
        Assert.True(lines.Length < warnings.Length, $"{lines.Length} lines for {warnings.Length} warnings:\n{output}");
        Assert.Contains(lines, line => line.Contains("WARNING", StringComparison.Ordinal) && line.Contains("bad key!", StringComparison.Ordinal));
        Assert.Equal(lines.Length, lines.Select(line => line.Substring(20)).Distinct(StringComparer.Ordinal).Count());
    }
}
