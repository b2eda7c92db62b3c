using System.Text;
using System.Text.RegularExpressions;

namespace MLflow.Tracking.Search;

/// <summary>SQL LIKE patterns (% any run, _ one character) as a regular expression or an SQLite GLOB pattern.</summary>
internal static class LikePattern
{
    /// <summary>Whether <paramref name="value"/> matches the pattern (ILIKE ignores ASCII case, as SQLite does).</summary>
    public static bool IsMatch(string value, string pattern, bool ignoreCase)
    {
        var regex = new StringBuilder("^");
        foreach (var c in pattern)
        {
            regex.Append(c switch
            {
                '%' => ".*",
                '_' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        regex.Append('$');
        var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return Regex.IsMatch(value, regex.ToString(), options, System.TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// The GLOB pattern equal to a LIKE pattern: SQLite's LIKE ignores case, MLflow's LIKE does not, and GLOB is
    /// SQLite's case-sensitive matcher.
    /// </summary>
    public static string ToGlob(string pattern)
    {
        var glob = new StringBuilder(pattern.Length + 8);
        foreach (var c in pattern)
        {
            glob.Append(c switch
            {
                '%' => "*",
                '_' => "?",
                '*' => "[*]",
                '?' => "[?]",
                '[' => "[[]",
                _ => c.ToString(),
            });
        }

        return glob.ToString();
    }
}
