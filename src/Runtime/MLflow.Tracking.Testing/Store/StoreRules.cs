using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MLflow.Tracking.Shared;

namespace MLflow.Tracking.Testing;

/// <summary>MLflow's validation rules and page tokens, as a tracking server applies them.</summary>
internal static class StoreRules
{
    public const int MaxParamValueLength = MlflowLimits.MaxParamValueLength;
    public const int MaxRunTagValueLength = MlflowLimits.MaxRunTagValueLength;
    public const int MaxExperimentTagValueLength = MlflowLimits.MaxExperimentTagValueLength;
    public const int MaxExperimentNameLength = MlflowLimits.MaxExperimentNameLength;
    public const int MaxSearchResults = MlflowLimits.MaxSearchResults;

    /// <summary>
    /// Refuses a key as MLflow's server does (<see cref="MlflowKeyRules"/>, the rule the runtime and MLFLOW005 share),
    /// with the server's messages.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="what">How MLflow names it in the length message: <c>Param key</c>, <c>Metric name</c>, <c>key</c>.</param>
    public static void ValidateKey(string? key, string what)
    {
        var problem = MlflowKeyRules.Check(key, out var normalized);
        if (problem != KeyProblem.None)
        {
            var parameter = what == "Metric name" ? "name" : "key";
            throw new MlflowInvalidParameterException(MlflowErrorTexts.ForKey(problem, key, parameter, what, normalized));
        }
    }

    public static void ValidateExperimentName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new MlflowInvalidParameterException("Missing value for required parameter 'name'. See the API docs for more information about request parameters.");
        }

        if (name.Length > MaxExperimentNameLength)
        {
            throw new MlflowInvalidParameterException(MlflowErrorTexts.TooLong("name", MaxExperimentNameLength));
        }
    }

    public static void ValidateMaxResults(int maxResults)
    {
        if (maxResults <= 0)
        {
            throw new MlflowInvalidParameterException($"Invalid value {maxResults} for parameter 'max_results' supplied. It must be a positive integer");
        }

        if (maxResults > MaxSearchResults)
        {
            throw new MlflowInvalidParameterException($"Invalid value {maxResults} for parameter 'max_results' supplied. It must be at most {MaxSearchResults}");
        }
    }

    public static string Truncate(string value, int maxLength) => value.Length <= maxLength ? value : value[..maxLength];

    /// <summary>MLflow stores milliseconds.</summary>
    public static DateTimeOffset Milliseconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
