using MLflow.Tracking.Shared;

namespace MLflow.Tracking.Analyzers;

/// <summary>MLflow's key rules as MLFLOW005 applies them: the same <see cref="MlflowKeyRules"/> the runtime and the test fake use.</summary>
internal static class KeyRules
{
    /// <summary>Returns why the key is invalid, or null when MLflow accepts it.</summary>
    public static string? Validate(string key)
    {
        var problem = MlflowKeyRules.Check(key, out var normalized);
        return problem == KeyProblem.None ? null : MlflowErrorTexts.Reason(problem, normalized);
    }
}
