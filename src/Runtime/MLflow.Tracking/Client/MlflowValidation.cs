using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MLflow.Tracking;

/// <summary>
/// MLflow's own validation rules (<c>mlflow/utils/validation.py</c>), checked by the client before anything is sent,
/// with MLflow's messages: they name the offending key and the rule. Shared by every store through the client.
/// </summary>
internal static partial class MlflowValidation
{
    /// <summary>The longest metric, param or tag key.</summary>
    public const int MaxKeyLength = 250;

    /// <summary>The longest param value MLflow stores (longer ones are truncated).</summary>
    public const int MaxParamValueLength = 6000;

    /// <summary>The longest run tag value MLflow stores (longer ones are truncated).</summary>
    public const int MaxRunTagValueLength = 8000;

    /// <summary>The longest experiment tag value (longer ones are refused).</summary>
    public const int MaxExperimentTagValueLength = 5000;

    /// <summary>The longest experiment name.</summary>
    public const int MaxExperimentNameLength = 500;

    /// <summary>The largest page a search may ask for.</summary>
    public const int MaxResultsLimit = 50_000;

    /// <summary>At most this many metrics per log-batch request.</summary>
    public const int MaxMetricsPerBatch = 1000;

    /// <summary>At most this many params, and this many tags, per log-batch request.</summary>
    public const int MaxParamsTagsPerBatch = 100;

    /// <summary>At most this many items of all kinds per log-batch request.</summary>
    public const int MaxEntitiesPerBatch = 1000;

    private const string BadCharactersRule = "Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).";

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
    /// The key rules: not empty, at most 250 characters, only <c>[\w/.\- :]</c>, and unchanged by path normalization
    /// (no <c>.</c>/<c>..</c> segments, no leading <c>/</c>, no doubled <c>/</c>).
    /// </summary>
    public static void ValidateKey(string? key, string parameter, string lengthName)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw Invalid($"Missing value for required parameter '{parameter}'. A {lengthName.ToLowerInvariant()} must not be empty.");
        }

        if (!KeyPattern().IsMatch(key))
        {
            throw Invalid($"Invalid value \"{key}\" for parameter '{parameter}' supplied: {BadCharactersRule}");
        }

        var normalized = NormalizePosixPath(key);
        if (normalized != key || normalized == "." || normalized.StartsWith("..", StringComparison.Ordinal) || normalized.StartsWith('/'))
        {
            throw Invalid($"Invalid value \"{key}\" for parameter '{parameter}' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '{normalized}'");
        }

        if (key.Length > MaxKeyLength)
        {
            throw Invalid($"'{lengthName}' exceeds the maximum length of {MaxKeyLength} characters (key '{key.Substring(0, 40)}…' has {Count(key.Length)}).");
        }
    }

    /// <summary>Python's <c>posixpath.normpath</c>.</summary>
    public static string NormalizePosixPath(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var leadingSlashes = path.StartsWith('/') ? (path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("///", StringComparison.Ordinal) ? 2 : 1) : 0;
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part != ".." || (leadingSlashes == 0 && parts.Count == 0) || (parts.Count > 0 && parts[^1] == ".."))
            {
                parts.Add(part);
            }
            else if (parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
        }

        var result = new string('/', leadingSlashes) + string.Join('/', parts);
        return result.Length == 0 ? "." : result;
    }

    /// <summary>An <see cref="MlflowInvalidParameterException"/> raised before anything was sent.</summary>
    public static MlflowInvalidParameterException Invalid(string message) => new(message, MlflowErrorCodes.InvalidParameterValue);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[/\w.\- :]*$")]
    private static partial Regex KeyPattern();
}
