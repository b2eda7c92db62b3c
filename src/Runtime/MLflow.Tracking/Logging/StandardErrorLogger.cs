using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Logging;

/// <summary>One category of <see cref="StandardErrorLoggerProvider"/>: warnings and up, each cause written once.</summary>
internal sealed class StandardErrorLogger : ILogger
{
    private readonly string _category;
    private readonly StandardErrorLoggerProvider _provider;

    public StandardErrorLogger(string category, StandardErrorLoggerProvider provider)
    {
        _category = category;
        _provider = provider;
    }

    /// <inheritdoc/>
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc/>
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

    /// <inheritdoc/>
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel) || !_provider.IsFirst(CauseOf(eventId, state)))
        {
            return;
        }

        _provider.Write(logLevel, _category, formatter(state, exception), exception);
    }

    /// <summary>
    /// What makes two messages "the same cause": the category and the event id, or, for a message without one, its
    /// template (so "store X is unreachable" is one cause however often, and whatever the error text says).
    /// </summary>
    internal string CauseOf<TState>(EventId eventId, TState state)
    {
        if (eventId.Id != 0)
        {
            return _category + "#" + eventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            for (var i = values.Count - 1; i >= 0; i--)
            {
                if (values[i].Key == "{OriginalFormat}")
                {
                    return _category + ":" + values[i].Value;
                }
            }
        }

        return _category + ":" + state;
    }
}
