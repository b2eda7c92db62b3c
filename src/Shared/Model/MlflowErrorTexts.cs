using System.Globalization;

namespace MLflow.Tracking.Shared;

/// <summary>
/// The messages MLflow's server answers with (recorded in <c>shared/mlflow-reference/transcripts/mlflow-3.5-sqlite</c>,
/// file numbers in brackets), so the runtime's client-side validation, the test fake and the analyzers say the same.
/// </summary>
internal static class MlflowErrorTexts
{
    /// <summary>The character rule [058].</summary>
    public const string BadCharactersRule = "Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).";

    /// <summary>The character rule as a short reason for a diagnostic.</summary>
    public const string BadCharactersReason = "only letters, digits, underscores (_), dashes (-), periods (.), spaces ( ), colons (:) and slashes (/) are allowed";

    /// <summary><c>Missing value for required parameter 'name'.</c> [008, 009]</summary>
    public static string Missing(string parameter) => "Missing value for required parameter '" + parameter + "'.";

    /// <summary><c>Invalid value "bad key!" for parameter 'key' supplied: Names may only contain ...</c> [058]</summary>
    public static string BadCharacters(string key, string parameter) =>
        "Invalid value \"" + key + "\" for parameter '" + parameter + "' supplied: " + BadCharactersRule;

    /// <summary><c>... Names may be treated as files in certain cases, ... This name would resolve to 'b'</c> [059]</summary>
    public static string NotUniquePath(string key, string parameter, string normalized) =>
        "Invalid value \"" + key + "\" for parameter '" + parameter + "' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '" + normalized + "'";

    /// <summary><c>'Param key' exceeds the maximum length of 250 characters</c> [061, 196, 197, 010, 180]</summary>
    public static string TooLong(string what, int maxLength) =>
        "'" + what + "' exceeds the maximum length of " + Count(maxLength) + " characters";

    /// <summary>One of the log-batch count limits [100, 102, 103]: <c>what</c> is <c>metrics</c>, <c>params</c> or <c>tags</c>.</summary>
    public static string BatchTooLarge(string what, int limit, int count) =>
        "A batch logging request can contain at most " + Count(limit) + " " + what + ". Got " + Count(count) + " " + what + ". Please split up " + what + " across multiple requests and try again.";

    /// <summary>The log-batch total limit [104].</summary>
    public static string BatchTooManyEntities(int limit, int count) => BatchTooLarge("metrics, params, and tags", limit, count);

    /// <summary>Duplicate param keys in one log-batch request [111].</summary>
    public static string DuplicateParamKeys(string key) =>
        "Duplicate parameter keys have been submitted: ['" + key + "']. Please ensure the request contains only one param value per param key.";

    /// <summary>A key problem as MLflow's server words it.</summary>
    /// <param name="problem">What <see cref="MlflowKeyRules.Check"/> found.</param>
    /// <param name="key">The key.</param>
    /// <param name="parameter">The request field: <c>key</c>, <c>name</c>, <c>params[0].key</c>...</param>
    /// <param name="lengthName">The name in the length message: <c>Param key</c>, <c>Metric name</c>, <c>key</c>.</param>
    /// <param name="normalized">The normalized path (for <see cref="KeyProblem.NotUniquePath"/>).</param>
    public static string ForKey(KeyProblem problem, string? key, string parameter, string lengthName, string normalized) => problem switch
    {
        KeyProblem.Missing => Missing(parameter),
        KeyProblem.BadCharacters => BadCharacters(key!, parameter),
        KeyProblem.NotUniquePath => NotUniquePath(key!, parameter, normalized),
        KeyProblem.TooLong => TooLong(lengthName, MlflowLimits.MaxKeyLength),
        _ => string.Empty,
    };

    /// <summary>A key problem as a short reason for a diagnostic or an exception that names the key separately.</summary>
    public static string Reason(KeyProblem problem, string normalized) => problem switch
    {
        KeyProblem.Missing => "it is empty",
        KeyProblem.BadCharacters => BadCharactersReason,
        KeyProblem.NotUniquePath => "it must be a normalized relative path (no '.', '..' or empty segments, no leading '/'); it would resolve to '" + normalized + "'",
        KeyProblem.TooLong => "it is longer than " + Count(MlflowLimits.MaxKeyLength) + " characters",
        _ => string.Empty,
    };

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
