namespace MLflow.Tracking.Analyzers;

/// <summary>MLflow's key rules (mlflow/utils/validation.py): characters, length and path uniqueness.</summary>
internal static class KeyRules
{
    public const int MaxKeyLength = 250;

    /// <summary>Returns why the key is invalid, or null when MLflow accepts it.</summary>
    public static string? Validate(string key)
    {
        if (key.Length == 0)
        {
            return "it is empty";
        }

        if (key.Length > MaxKeyLength)
        {
            return "it is longer than 250 characters";
        }

        foreach (var c in key)
        {
            if (!IsAllowed(c))
            {
                return "only alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colons (:) and slashes (/) are allowed";
            }
        }

        if (key[0] == '/')
        {
            return "it must not start with '/'";
        }

        // MLflow requires posixpath.normpath(key) == key: no '.', '..' or empty segments.
        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                return "it must be a normalized path: no '.', '..' or empty segments";
            }
        }

        return null;
    }

    private static bool IsAllowed(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '.' or ' ' or ':' or '/';
}
