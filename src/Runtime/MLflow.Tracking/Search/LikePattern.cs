using System.Text;
using System.Text.RegularExpressions;

namespace MLflow.Tracking.Search;

/// <summary>SQL LIKE patterns (% any run, _ one character) as a regular expression or an SQLite GLOB pattern.</summary>
internal static class LikePattern
{
    /// <summary>Whether <paramref name="value"/> matches the pattern (<paramref name="ignoreCase"/>: ILIKE, ASCII case folded as SQLite does).</summary>
    public static bool IsMatch(string value, string pattern, bool ignoreCase)
    {
        if (ignoreCase)
        {
            // SQLite's LIKE and lower() fold ASCII letters only; fold the same way so both stores agree.
            value = AsciiLower(value);
            pattern = AsciiLower(pattern);
        }

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
        return Regex.IsMatch(value, regex.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));
    }

    private static string AsciiLower(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }
    });

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
