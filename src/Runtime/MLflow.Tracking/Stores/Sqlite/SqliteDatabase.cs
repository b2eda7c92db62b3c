using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>
/// The connections to one MLflow SQLite file. Writes go through one long-lived connection per store, one
/// <c>BEGIN IMMEDIATE</c> transaction per operation, with its prepared commands kept for reuse (SQLite serialises
/// writers anyway, so a second writer connection in the same process would only wait). Reads use pooled
/// connections, which WAL mode (the mode of files this store creates) lets run beside a writer, also in other
/// processes; in a rollback-mode file (MLflow's own) they wait for the writer through the busy timeout.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private const int BusyTimeoutMilliseconds = 30_000;
    private const int MaxBusyRetries = 5;

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SqliteConnection _writer;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly SqliteRawStatements _rawStatements;
    private bool _disposed;

    private SqliteDatabase(string path, string connectionString, SqliteConnection writer)
    {
        Path = path;
        ConnectionString = connectionString;
        _writer = writer;
        _rawStatements = new SqliteRawStatements(writer);
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <summary>The connection string (path and pooling; no secrets).</summary>
    public string ConnectionString { get; }

    /// <summary>The file's journal mode as SQLite reports it (<c>wal</c>, <c>delete</c>, <c>truncate</c>, …).</summary>
    public string JournalMode { get; private init; } = "delete";

    /// <summary>
    /// Opens (creating when missing) the file and its writer connection. A file this call creates gets WAL; a file
    /// that already exists keeps its journal mode, because WAL is stored in the file and outlives us (the rollback
    /// modes are per connection): MLflow writes its files in rollback (<c>delete</c>) mode, and WAL does not work on
    /// network filesystems.
    /// </summary>
    public static SqliteDatabase Open(string path)
    {
        var creating = !System.IO.File.Exists(path) || new System.IO.FileInfo(path).Length == 0;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
            ForeignKeys = true,
        };
        var writer = new SqliteConnection(builder.ConnectionString);
        string journalMode;
        try
        {
            writer.Open();
            Execute(writer, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)};");
            journalMode = RetryOnBusy(() => QueryText(writer, creating ? "PRAGMA journal_mode = WAL;" : "PRAGMA journal_mode;"));
            if (string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                // WAL with synchronous=NORMAL is durable against application crashes (MLflow's own default is FULL
                // in rollback mode, which a rollback-mode file keeps: NORMAL there can corrupt on power loss).
                Execute(writer, "PRAGMA synchronous = NORMAL;");
            }

            // A bigger page cache keeps the metrics indexes in memory while a run logs.
            Execute(writer, "PRAGMA cache_size = -32768;");
        }
        catch
        {
            writer.Dispose();
            throw;
        }

        return new SqliteDatabase(path, builder.ConnectionString, writer) { JournalMode = journalMode };
    }

    /// <summary>A pooled connection for reading; dispose it when done.</summary>
    public SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction, retrying the whole transaction when the file is busy.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteWriteScope, T> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return RetryOnBusy(() =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var transaction = _writer.BeginTransaction(deferred: false);
                var result = work(new SqliteWriteScope(_writer, transaction, _commands, _rawStatements));
                transaction.Commit();
                return result;
            });
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Runs a read on a pooled connection, retrying when the file is busy.</summary>
    public T Read<T>(Func<SqliteConnection, T> work) => RetryOnBusy(() =>
    {
        using var connection = OpenReader();
        return work(connection);
    });

    /// <summary>Runs one statement without results.</summary>
    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static string QueryText(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private static T RetryOnBusy<T>(Func<T> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return action();
            }
            catch (SqliteException e) when (IsBusy(e) && attempt < MaxBusyRetries)
            {
                // SQLite's busy handler waited already; another process holds the lock for long. Back off and redo
                // the whole transaction (it was rolled back, so nothing is applied twice).
                Thread.Sleep(20 * attempt);
            }
        }
    }

    private static bool IsBusy(SqliteException e) => e.SqliteErrorCode is 5 or 6;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _writeGate.Wait();
        try
        {
            _disposed = true;
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _commands.Clear();
            _rawStatements.Dispose();
            _writer.Dispose();
            using var pooled = new SqliteConnection(ConnectionString);
            SqliteConnection.ClearPool(pooled);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}

/// <summary>One write transaction: the writer connection, its transaction and its reusable prepared commands.</summary>
internal sealed class SqliteWriteScope
{
    private readonly Dictionary<string, SqliteCommand> _commands;

    internal SqliteWriteScope(SqliteConnection connection, SqliteTransaction transaction, Dictionary<string, SqliteCommand> commands, SqliteRawStatements raw)
    {
        Raw = raw;
        Connection = connection;
        Transaction = transaction;
        _commands = commands;
    }

    /// <summary>The writer connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>Position-bound statements on the writer handle, for the hot path.</summary>
    public SqliteRawStatements Raw { get; }

    /// <summary>The open transaction.</summary>
    public SqliteTransaction Transaction { get; }

    /// <summary>
    /// The cached command for <paramref name="sql"/> (prepared once, reused by every later transaction), with
    /// <paramref name="parameterCount"/> positional parameters <c>$p0</c>…; set values by index.
    /// </summary>
    public SqliteCommand Command(string sql, int parameterCount)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameterCount; i++)
            {
                command.Parameters.Add(new SqliteParameter(SqlParameterName(i), null));
            }

            _commands[sql] = command;
        }

        command.Transaction = Transaction;
        return command;
    }

    /// <summary>A one-off command in this transaction; dispose it.</summary>
    public SqliteCommand NewCommand(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        return command;
    }

    /// <summary>The name of positional parameter <paramref name="index"/>.</summary>
    public static string SqlParameterName(int index) => "$p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
