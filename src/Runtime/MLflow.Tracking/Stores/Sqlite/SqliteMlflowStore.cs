using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>
/// MLflow's own SQLite database (<c>mlflow.db</c>) as a store: what it writes, <c>mlflow ui</c> shows. A new file
/// gets MLflow 3.5's schema; files written by MLflow 3.1 and 3.5 are read and written without changing their
/// revision, nor their journal mode (a new file gets WAL). Safe for several threads and several processes on one file
/// (busy waits, one transaction per call).
/// </summary>
public sealed partial class SqliteMlflowStore : MlflowStore
{
    private readonly SqliteDatabase _db;
    private readonly string _artifactRoot;
    private readonly ILogger _logger;

    private SqliteMlflowStore(SqliteDatabase db, string artifactRoot, string revision, ILogger logger)
    {
        _db = db;
        _artifactRoot = artifactRoot;
        Revision = revision;
        _logger = logger;
    }

    /// <inheritdoc />
    public override string Description => "sqlite:///" + _db.Path;

    /// <inheritdoc />
    public override MlflowStoreCapabilities Capabilities => MlflowStoreCapabilities.SingleWriter | MlflowStoreCapabilities.Durable;

    /// <summary>The file's alembic revision (<c>bf29a5ff90ea</c> for a file this store created).</summary>
    public string Revision { get; }

    /// <summary>Opens (or creates) the MLflow database at <paramref name="path"/>.</summary>
    /// <param name="path">The file; relative paths are resolved against the current folder.</param>
    /// <param name="loggerFactory">For warnings.</param>
    /// <exception cref="MlflowException">The file's schema is one this store cannot write.</exception>
    public static MlflowStore Open(string path, ILoggerFactory loggerFactory) => Open(path, new SqliteStoreOptions(), loggerFactory);

    /// <summary>Opens (or creates) the MLflow database at <paramref name="path"/> with <paramref name="options"/>.</summary>
    /// <param name="path">The file; relative paths are resolved against the current folder.</param>
    /// <param name="options">The artifact root for new experiments.</param>
    /// <param name="loggerFactory">For warnings; standard error (each cause once) when null.</param>
    /// <exception cref="MlflowException">The file's schema is one this store cannot write.</exception>
    public static SqliteMlflowStore Open(string path, SqliteStoreOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var logger = Logging.DefaultLogging.Resolve(loggerFactory, null).CreateLogger("MLflow.Tracking.SqliteMlflowStore");
        var artifactRoot = options.DefaultArtifactRoot ?? SqliteArtifacts.DefaultRoot(fullPath);
        var db = SqliteDatabase.Open(fullPath);
        try
        {
            var now = SqliteValues.ToMillis(DateTimeOffset.UtcNow);
            var revision = db.WriteAsync(scope => SqliteSchema.EnsureSchema(scope, fullPath, artifactRoot, now), CancellationToken.None).GetAwaiter().GetResult();
            if (!string.Equals(revision, SqliteSchema.CurrentRevision, StringComparison.Ordinal) && !string.Equals(revision, SqliteSchema.Mlflow31Revision, StringComparison.Ordinal))
            {
                SqliteLog.UncheckedRevision(logger, fullPath, revision);
            }

            return new SqliteMlflowStore(db, artifactRoot, revision, logger);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public override Task<string> PingAsync(CancellationToken cancellationToken) => ReadAsync(
        connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT sqlite_version()";
            return $"SQLite {command.ExecuteScalar()} (MLflow schema revision {Revision})";
        },
        cancellationToken);

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore()
    {
        _db.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<T> ReadAsync<T>(Func<Microsoft.Data.Sqlite.SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(_db.Read(work));
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }

    private Task<T> WriteAsync<T>(Func<SqliteWriteScope, T> work, CancellationToken cancellationToken) =>
        _db.WriteAsync(work, cancellationToken);

    private Task WriteAsync(Action<SqliteWriteScope> work, CancellationToken cancellationToken) =>
        _db.WriteAsync(
            scope =>
            {
                work(scope);
                return true;
            },
            cancellationToken);

    private static long NowMillis() => SqliteValues.ToMillis(DateTimeOffset.UtcNow);
}
