using System.Collections.Generic;
using System.Text;

namespace MLflow.Tracking.Analyzers;

/// <summary>
/// Splits identifiers and keys into lower-case words: camelCase, PascalCase, ACRONYMCase, snake_case, kebab-case,
/// dotted.keys and digits all give the same words, so "apiKey", "API_KEY" and "api-key" read alike.
/// </summary>
internal static class NameSplitter
{
    public static IReadOnlyList<string> Split(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString().ToLowerInvariant());
                current.Clear();
            }
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                var previous = name[i - 1];
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var boundary =
                    (char.IsDigit(c) != char.IsDigit(previous)) ||
                    (char.IsUpper(c) && char.IsLower(previous)) ||
                    // The last capital of an acronym starts the next word: "APIKey" is "API" + "Key".
                    (char.IsUpper(c) && char.IsUpper(previous) && char.IsLower(next));
                if (boundary)
                {
                    Flush();
                }
            }

            current.Append(c);
        }

        Flush();
        return words;
    }
}
