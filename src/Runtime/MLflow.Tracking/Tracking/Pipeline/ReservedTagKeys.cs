using System;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// MLflow reserves tag keys that start with <c>mlflow.</c> for the system tags it and its clients set (run name, user,
/// source, parent run). A constant tag under such a key would fight the tracker's own: <c>mlflow.runName</c> beside the
/// run name makes MLflow refuse the whole run (INVALID_PARAMETER_VALUE, "Both 'run_name' argument and 'mlflow.runName'
/// tag are specified"). The analyzers report the same keys at compile time (MLFLOW009).
/// </summary>
internal static class ReservedTagKeys
{
    public const string Prefix = "mlflow.";

    /// <summary>The one reserved tag MLflow documents as the user's to set: the run's description in the UI.</summary>
    public const string NoteContent = "mlflow.note.content";

    public static bool IsReserved(string key) =>
        key.StartsWith(Prefix, StringComparison.Ordinal) && !string.Equals(key, NoteContent, StringComparison.Ordinal);
}
