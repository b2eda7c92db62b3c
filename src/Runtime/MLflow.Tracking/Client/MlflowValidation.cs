using System;
using System.Collections.Generic;
using System.Globalization;
using MLflow.Tracking.Shared;

namespace MLflow.Tracking;

/// <summary>
/// MLflow's own validation rules (<c>mlflow/utils/validation.py</c>), checked by the client before anything is sent,
/// with MLflow's messages: they name the offending key and the rule. Shared by every store through the client.
/// </summary>
internal static class MlflowValidation
{
    /// <summary>The longest metric, param or tag key.</summary>
    public const int MaxKeyLength = MlflowLimits.MaxKeyLength;

    /// <summary>The longest param value MLflow stores (longer ones are truncated).</summary>
    public const int MaxParamValueLength = MlflowLimits.MaxParamValueLength;

    /// <summary>The longest run tag value MLflow stores (longer ones are truncated).</summary>
    public const int MaxRunTagValueLength = MlflowLimits.MaxRunTagValueLength;

    /// <summary>The longest experiment tag value (longer ones are refused).</summary>
    public const int MaxExperimentTagValueLength = MlflowLimits.MaxExperimentTagValueLength;

    /// <summary>The longest experiment name.</summary>
    public const int MaxExperimentNameLength = MlflowLimits.MaxExperimentNameLength;

    /// <summary>The largest page a search may ask for.</summary>
    public const int MaxResultsLimit = MlflowLimits.MaxSearchResults;

    /// <summary>At most this many metrics per log-batch request.</summary>
    public const int MaxMetricsPerBatch = MlflowLimits.MaxMetricsPerBatch;

    /// <summary>At most this many params, and this many tags, per log-batch request.</summary>
    public const int MaxParamsTagsPerBatch = MlflowLimits.MaxParamsPerBatch;

    /// <summary>At most this many items of all kinds per log-batch request.</summary>
    public const int MaxEntitiesPerBatch = MlflowLimits.MaxEntitiesPerBatch;

    /// <summary>A metric key (<c>'Metric name'</c> in MLflow's messages; its parameter is <c>name</c>).</summary>
    public static void ValidateMetricKey(string? key, string parameter = "name") => ValidateKey(key, parameter, "Metric name");

    /// <summary>A param key.</summary>
    public static void ValidateParamKey(string? key, string parameter = "key") => ValidateKey(key, parameter, "Param key");

    /// <summary>A run or experiment tag key.</summary>
    public static void ValidateTagKey(string? key, string parameter = "key") => ValidateKey(key, parameter, "key");

    /// <summary>A metric point: its key (NaN and ±Infinity are allowed values).</summary>
    public static void ValidateMetric(Metric metric, string parameter = "name")
    {
        ArgumentNullException.ThrowIfNull(metric);
        ValidateMetricKey(metric.Key, parameter);
    }

    /// <summary>An experiment tag: key rules and a value of at most 5000 characters.</summary>
    public static void ValidateExperimentTag(string? key, string? value)
    {
        ValidateTagKey(key);
        RequireValue(value, "value");
        if (value!.Length > MaxExperimentTagValueLength)
        {
            throw Invalid($"'value' exceeds the maximum length of {MaxExperimentTagValueLength} characters (experiment tag '{key}' has {Count(value.Length)}).");
        }
    }

    /// <summary>An experiment name: not empty, at most 500 characters.</summary>
    public static void ValidateExperimentName(string? name, string parameter = "name")
    {
        if (string.IsNullOrEmpty(name))
        {
            throw Invalid($"Missing value for required parameter '{parameter}'. An experiment name must not be empty.");
        }

        if (name.Length > MaxExperimentNameLength)
        {
            throw Invalid($"'{parameter}' exceeds the maximum length of {MaxExperimentNameLength} characters (the experiment name has {Count(name.Length)}).");
        }
    }

    /// <summary>A required id (run id, experiment id).</summary>
    public static void ValidateId(string? id, string parameter)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw Invalid($"Missing value for required parameter '{parameter}'.");
        }
    }

    /// <summary>A search page size: 1 to 50000.</summary>
    public static void ValidateMaxResults(int maxResults, int limit = MaxResultsLimit)
    {
        if (maxResults < 1)
        {
            throw Invalid($"Invalid value {Count(maxResults)} for parameter 'max_results' supplied. It must be a positive integer");
        }

        if (maxResults > limit)
        {
            throw Invalid($"Invalid value {Count(maxResults)} for parameter 'max_results' supplied. It must be at most {Count(limit)}");
        }
    }

    /// <summary>Requires a non-null value.</summary>
    public static void RequireValue(string? value, string parameter)
    {
        if (value is null)
        {
            throw Invalid($"Missing value for required parameter '{parameter}'.");
        }
    }

    /// <summary>
    /// MLflow's key rule (<see cref="MlflowKeyRules"/>, shared with MLFLOW005 and the test fake): not empty, only
    /// <c>[\w/.\- :]</c> with Python's Unicode <c>\w</c>, unchanged by path normalization, at most 250 characters.
    /// The messages are the server's, plus the key's length where MLflow's own leaves it out.
    /// </summary>
    public static void ValidateKey(string? key, string parameter, string lengthName)
    {
        var problem = MlflowKeyRules.Check(key, out var normalized);
        switch (problem)
        {
            case KeyProblem.None:
                return;
            case KeyProblem.Missing:
                throw Invalid(MlflowErrorTexts.Missing(parameter) + " A " + lengthName.ToLowerInvariant() + " must not be empty.");
            case KeyProblem.TooLong:
                throw Invalid(MlflowErrorTexts.TooLong(lengthName, MaxKeyLength) + $" (key '{key!.Substring(0, 40)}…' has {Count(key.Length)}).");
            default:
                throw Invalid(MlflowErrorTexts.ForKey(problem, key, parameter, lengthName, normalized));
        }
    }

    /// <summary>Python's <c>posixpath.normpath</c>.</summary>
    public static string NormalizePosixPath(string path) => MlflowKeyRules.NormalizePosixPath(path);

    /// <summary>An <see cref="MlflowInvalidParameterException"/> raised before anything was sent.</summary>
    public static MlflowInvalidParameterException Invalid(string message) => new(message, MlflowErrorCodes.InvalidParameterValue);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
