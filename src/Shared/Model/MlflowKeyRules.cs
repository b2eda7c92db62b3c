using System.Collections.Generic;
using System.Globalization;

namespace MLflow.Tracking.Shared;

/// <summary>Why MLflow refuses a key, in the order MLflow checks: characters, path uniqueness, length.</summary>
internal enum KeyProblem
{
    /// <summary>MLflow accepts the key.</summary>
    None,

    /// <summary>Null or empty.</summary>
    Missing,

    /// <summary>A character outside <c>[\w/.\- :]</c> (Python's Unicode <c>\w</c>).</summary>
    BadCharacters,

    /// <summary>The key changes under <c>posixpath.normpath</c>, or resolves to <c>.</c>, <c>..</c> or an absolute path.</summary>
    NotUniquePath,

    /// <summary>Longer than <see cref="MlflowLimits.MaxKeyLength"/>.</summary>
    TooLong,
}

/// <summary>
/// MLflow's key rule for metrics, params and tags, exactly as its server applies it:
/// <c>re.match(r"^[/\w.\- :]*$", key)</c> with Python's Unicode <c>\w</c> (so <c>précision</c> and <c>精度</c> are
/// accepted), then <c>posixpath.normpath(key) == key</c>, then at most 250 characters. Shared by the runtime's
/// validation, the test fake and MLFLOW005, so a key the analyzer accepts is one the server accepts.
/// </summary>
internal static class MlflowKeyRules
{
    /// <summary>The first rule <paramref name="key"/> breaks; <paramref name="normalized"/> is its normalized path.</summary>
    public static KeyProblem Check(string? key, out string normalized)
    {
        normalized = string.Empty;
        if (key is null || key.Length == 0)
        {
            return KeyProblem.Missing;
        }

        if (!HasOnlyAllowedCharacters(key))
        {
            return KeyProblem.BadCharacters;
        }

        normalized = NormalizePosixPath(key);
        if (normalized != key || normalized == "." || normalized.StartsWith("..", System.StringComparison.Ordinal) || normalized.StartsWith("/", System.StringComparison.Ordinal))
        {
            return KeyProblem.NotUniquePath;
        }

        return key.Length > MlflowLimits.MaxKeyLength ? KeyProblem.TooLong : KeyProblem.None;
    }

    /// <summary>Python's <c>\w</c> in Unicode mode: letters, digits and numerics (<c>str.isalnum()</c>) and '_'.</summary>
    public static bool IsWordCharacter(UnicodeCategory category) => category is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    private static bool HasOnlyAllowedCharacters(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '_' or '/' or '.' or '-' or ' ' or ':')
            {
                continue;
            }

            // Python's '$' also matches before one final newline, so MLflow accepts a key ending in "\n".
            if (c == '\n' && i == key.Length - 1)
            {
                continue;
            }

            if (!IsWordCharacter(CharUnicodeInfo.GetUnicodeCategory(key, i)))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }

        return true;
    }

    /// <summary>Python's <c>posixpath.normpath</c>.</summary>
    public static string NormalizePosixPath(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var leadingSlashes = 0;
        if (path[0] == '/')
        {
            // POSIX keeps exactly two leading slashes, and collapses three or more into one.
            leadingSlashes = path.Length > 1 && path[1] == '/' && (path.Length == 2 || path[2] != '/') ? 2 : 1;
        }

        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part != ".." || (leadingSlashes == 0 && parts.Count == 0) || (parts.Count > 0 && parts[parts.Count - 1] == ".."))
            {
                parts.Add(part);
            }
            else if (parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
        }

        var result = new string('/', leadingSlashes) + string.Join("/", parts);
        return result.Length == 0 ? "." : result;
    }
}
