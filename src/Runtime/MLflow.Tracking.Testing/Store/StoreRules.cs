using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MLflow.Tracking.Testing;

/// <summary>MLflow's validation rules and page tokens, as a tracking server applies them.</summary>
internal static class StoreRules
{
    public const int MaxKeyLength = 250;
    public const int MaxParamValueLength = 6000;
    public const int MaxRunTagValueLength = 8000;
    public const int MaxExperimentTagValueLength = 5000;
    public const int MaxExperimentNameLength = 500;
    public const int MaxSearchResults = 50000;

    /// <summary>Refuses a key as MLflow does: allowed characters, 250 characters, and path-unique.</summary>
    public static void ValidateKey(string? key, string what)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new MlflowInvalidParameterException($"Missing value for required parameter '{what}'.");
        }

        if (key.Length > MaxKeyLength)
        {
            throw new MlflowInvalidParameterException($"'{what}' exceeds the maximum length of {MaxKeyLength} characters");
        }

        foreach (var c in key)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ' ' or ':' or '/'))
            {
                throw new MlflowInvalidParameterException($"Invalid value \"{key}\" for parameter '{what}' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).");
            }
        }

        var normalized = NormalizePath(key);
        if (normalized != key || normalized == "." || normalized.StartsWith("..", StringComparison.Ordinal) || normalized.StartsWith('/'))
        {
            throw new MlflowInvalidParameterException($"Invalid value \"{key}\" for parameter '{what}' supplied: Names must be relative paths that do not resolve to other names when treated as such. This name would resolve to '{normalized}'");
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
            throw new MlflowInvalidParameterException($"'name' exceeds the maximum length of {MaxExperimentNameLength} characters");
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

    private static string NormalizePath(string path)
    {
        // posixpath.normpath: collapse "//" and ".", resolve "..", drop a trailing "/".
        var absolute = path.StartsWith('/');
        var parts = path.Split('/');
        var kept = new System.Collections.Generic.List<string>();
        foreach (var part in parts)
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && kept.Count > 0 && kept[^1] != "..")
            {
                kept.RemoveAt(kept.Count - 1);
                continue;
            }

            if (part == ".." && absolute)
            {
                continue;
            }

            kept.Add(part);
        }

        var joined = string.Join('/', kept);
        if (absolute)
        {
            return "/" + joined;
        }

        return joined.Length == 0 ? "." : joined;
    }
}
