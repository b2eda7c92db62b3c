using System;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>PLACEHOLDER for the SQLite store (issue 3): replace this file.</summary>
public sealed partial class SqliteMlflowStore
{
    /// <summary>Placeholder.</summary>
    public static IMlflowStore Open(string path, ILoggerFactory loggerFactory) => throw new NotImplementedException();
}
