using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Logging;

/// <summary>
/// The logger MLflow.Tracking uses when the user configured none: warnings and errors go to standard error, each
/// cause once per process, in the shape MLflow's Python client prints through Python logging
/// (<c>2026/12/01 09:14:57 WARNING MLflow.Tracking.BackgroundRunTracker: …</c>). Credentials in URIs are redacted.
/// A user's own <see cref="ILoggerFactory"/> replaces it entirely.
/// </summary>
internal sealed class StandardErrorLoggerProvider : ILoggerProvider
{
    private readonly TextWriter? _writer;
    private readonly Func<DateTimeOffset> _clock;
    private readonly ConcurrentDictionary<string, byte> _seenCauses = new(StringComparer.Ordinal);
    private readonly object _writeGate = new();
    private int _hintWritten;

    /// <summary>A provider writing to <paramref name="writer"/> (tests), or to <see cref="Console.Error"/> when null.</summary>
    public StandardErrorLoggerProvider(TextWriter? writer = null, Func<DateTimeOffset>? clock = null)
    {
        _writer = writer;
        _clock = clock ?? (() => DateTimeOffset.Now);
    }

    /// <summary>The process-wide provider over standard error: causes seen by one client or tracker are not repeated by the next.</summary>
    public static StandardErrorLoggerProvider Shared { get; } = new();

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new StandardErrorLogger(categoryName, this);

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    /// <summary>True the first time <paramref name="cause"/> is seen; false after.</summary>
    internal bool IsFirst(string cause) => _seenCauses.TryAdd(cause, 0);

    internal void Write(LogLevel level, string category, string message, Exception? exception)
    {
        // Python logging's "%(asctime)s %(levelname)s %(name)s: %(message)s" with MLflow's date format; invariant,
        // since "/" in a format string is the culture's date separator.
        var line = _clock().ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + LevelName(level) + " " + category + ": " + message;
        if (exception is not null)
        {
            line += Environment.NewLine + "  " + Describe(exception);
        }

        line = UriCredentials.Redact(line);
        var writer = _writer ?? Console.Error;
        lock (_writeGate)
        {
            writer.WriteLine(line);
            if (Interlocked.Exchange(ref _hintWritten, 1) == 0)
            {
                // Said once, so a user who sees the first line knows why the next of its kind will not appear.
                writer.WriteLine("  (MLflow.Tracking prints each kind of warning or error once. Pass an ILoggerFactory to see them all, or set MlflowOptions.LogToStandardError = false / MLFLOW_TRACKING_LOG_TO_STDERR=false to silence this.)");
            }

            writer.Flush();
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Warning => "WARNING",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "CRITICAL",
        _ => level.ToString().ToUpperInvariant(),
    };

    // The type and message of the exception and of each inner one; stack traces are for a configured logger.
    private static string Describe(Exception exception)
    {
        var text = exception.GetType().FullName + ": " + exception.Message;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            text += " ---> " + inner.GetType().FullName + ": " + inner.Message;
        }

        return text;
    }
}
