namespace MLflow.Tracking.Diagnostics;

/// <summary>
/// The stable diagnostic IDs of the generator and the analyzers; code fixes and docs refer to them by these names.
/// This file is linked into both projects, so an ID has one spelling everywhere.
/// </summary>
internal static class DiagnosticIds
{
    public const string SecretLogged = "MLFLOW001";
    public const string TrackedRunNotPartial = "MLFLOW002";
    public const string TrackingAttributeWithoutRun = "MLFLOW003";
    public const string MetricNotNumeric = "MLFLOW004";
    public const string InvalidKey = "MLFLOW005";
    public const string DuplicateKey = "MLFLOW006";
    public const string UnsupportedSignature = "MLFLOW007";
    public const string InvalidRunNaming = "MLFLOW008";
    public const string ReservedTagKey = "MLFLOW009";
    public const string ParamNotLogged = "MLFLOW010";
    public const string InvalidArtifact = "MLFLOW011";
}
