using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using MLflow.Tracking.Logging;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Tests.Logging;

public sealed class StandardErrorLoggerTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 5, TimeSpan.Zero);

    private readonly StringWriter _output = new();
    private readonly StandardErrorLoggerProvider _provider;

    public StandardErrorLoggerTests() => _provider = new StandardErrorLoggerProvider(_output, () => Noon);

    private string[] Lines => _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private string[] MessageLines => Lines.Where(line => !line.StartsWith("  ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void A_warning_is_written_in_MLflow_python_logging_shape_whatever_the_culture()
    {
        var logger = _provider.CreateLogger("MLflow.Tracking.BackgroundRunTracker");
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");   // its date separator is "."
            logger.LogWarning("The MLflow tracking store {Store} is unreachable.", "http://localhost:5000/");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.Equal("2026/12/01 12:00:05 WARNING MLflow.Tracking.BackgroundRunTracker: The MLflow tracking store http://localhost:5000/ is unreachable.", Lines[0]);
    }

    [Fact]
    public void The_same_cause_is_written_once_however_its_values_differ()
    {
        var logger = _provider.CreateLogger("MLflow.Tracking.BackgroundRunTracker");
        logger.LogWarning("MLflow refused metric '{Key}' of run {RunId}.", "a", "r1");
        logger.LogWarning("MLflow refused metric '{Key}' of run {RunId}.", "b", "r2");
        logger.LogError("MLflow could not create the run {RunName}.", "train");
        logger.LogError("MLflow could not create the run {RunName}.", "eval");

        Assert.Equal(
            new[] { "MLflow refused metric 'a' of run r1.", "MLflow could not create the run train." },
            MessageLines.Select(line => line.Substring(line.IndexOf(": ", StringComparison.Ordinal) + 2)));
    }

    [Fact]
    public void Event_ids_are_causes_per_category()
    {
        var tracker = _provider.CreateLogger("MLflow.Tracking.BackgroundRunTracker");
        var rest = _provider.CreateLogger("MLflow.Tracking.Rest");
        tracker.Log(LogLevel.Warning, new EventId(7), "first text", null, static (state, _) => state);
        tracker.Log(LogLevel.Warning, new EventId(7), "other text, same event", null, static (state, _) => state);
        rest.Log(LogLevel.Warning, new EventId(7), "same id, other category", null, static (state, _) => state);

        Assert.Equal(2, MessageLines.Length);
        Assert.EndsWith("first text", MessageLines[0], StringComparison.Ordinal);
        Assert.EndsWith("same id, other category", MessageLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Information_and_below_are_not_written()
    {
        var logger = _provider.CreateLogger("MLflow.Tracking.BackgroundRunTracker");
        logger.LogInformation("The store answers again.");
        logger.LogDebug("Still unreachable.");

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
        Assert.Equal(string.Empty, _output.ToString());
    }

    [Fact]
    public void Credentials_in_uris_are_redacted_from_messages_and_exceptions()
    {
        var logger = _provider.CreateLogger("MLflow.Tracking.Rest");
        var error = new HttpRequestException("Connection refused (https://bob:hunter2@mlflow.example:443/api)");
        logger.LogError(error, "Tracking to {Uri} failed.", "http://alice:s3cret@10.0.0.1:5000/");

        var text = _output.ToString();
        Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", text, StringComparison.Ordinal);
        Assert.Contains("Tracking to http://***@10.0.0.1:5000/ failed.", text, StringComparison.Ordinal);
        Assert.Contains("System.Net.Http.HttpRequestException: Connection refused (https://***@mlflow.example:443/api)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_how_to_change_this_hint_follows_the_first_message_only()
    {
        var logger = _provider.CreateLogger("MLflow.Tracking.BackgroundRunTracker");
        logger.LogWarning("one");
        logger.LogWarning("two");

        var hints = Lines.Where(line => line.Contains("MLFLOW_TRACKING_LOG_TO_STDERR=false", StringComparison.Ordinal)).ToArray();
        Assert.Single(hints);
        Assert.Equal(hints[0], Lines[1]);
    }
}
