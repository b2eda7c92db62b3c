using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>Source-generated log messages of the SQLite store.</summary>
internal static partial class SqliteLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "The MLflow database {Path} has alembic revision {Revision}, which this library was not checked against; its tables have every column it uses, so it is used as is.")]
    public static partial void UncheckedRevision(ILogger logger, string path, string revision);
}
