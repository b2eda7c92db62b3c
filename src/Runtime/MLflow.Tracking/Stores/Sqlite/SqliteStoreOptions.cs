namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>Options of <see cref="SqliteMlflowStore"/>.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>
    /// The artifact root for experiments created without an artifact location (MLflow's
    /// <c>--default-artifact-root</c>). Null: <c>mlruns</c> next to the database file, as MLflow's default
    /// <c>./mlruns</c> is for <c>sqlite:///mlflow.db</c> in the current folder.
    /// </summary>
    public string? DefaultArtifactRoot { get; init; }
}
