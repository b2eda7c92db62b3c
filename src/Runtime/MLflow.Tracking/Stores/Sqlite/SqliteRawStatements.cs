using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>
/// Statements prepared directly on the writer connection's SQLite handle and bound by position, for the hot path
/// (metric points). Microsoft.Data.Sqlite binds parameters by name on every execution, which costs more than the
/// insert itself at hundreds of thousands of points per second. They run inside the connection's open transaction.
/// </summary>
internal sealed class SqliteRawStatements : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, sqlite3_stmt> _statements = new(StringComparer.Ordinal);

    public SqliteRawStatements(SqliteConnection connection) => _connection = connection;

    /// <summary>The prepared statement for <paramref name="sql"/> (kept for the life of the store).</summary>
    public sqlite3_stmt Get(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            Check(raw.sqlite3_prepare_v2(_connection.Handle, sql, out statement));
            _statements[sql] = statement;
        }

        return statement;
    }

    /// <summary>Runs a bound statement that returns no rows, then resets it for the next use (bindings stay).</summary>
    public void Step(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            Check(rc);
        }
    }

    /// <summary>Throws the connection's error as <see cref="SqliteException"/> when <paramref name="rc"/> is not OK.</summary>
    public void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_connection.Handle));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
    }
}
