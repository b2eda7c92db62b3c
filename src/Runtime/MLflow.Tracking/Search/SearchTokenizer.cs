using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MLflow.Tracking.Search;

/// <summary>Splits an MLflow filter or order_by clause into tokens, keeping each token's position for error messages.</summary>
internal static class SearchTokenizer
{
    private static readonly HashSet<string> Keywords = new(System.StringComparer.OrdinalIgnoreCase) { "AND", "OR", "LIKE", "ILIKE", "IN", "NOT", "ASC", "DESC", "IS", "NULL" };

    /// <summary>Tokenizes <paramref name="text"/>; the last token is always <see cref="SearchTokenKind.End"/>.</summary>
    /// <exception cref="MlflowInvalidParameterException">An unterminated quote or an unexpected character.</exception>
    public static IReadOnlyList<SearchToken> Tokenize(string text)
    {
        var tokens = new List<SearchToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            switch (c)
            {
                case '(':
                    tokens.Add(new SearchToken(SearchTokenKind.OpenParen, "(", "(", start));
                    i++;
                    continue;
                case ')':
                    tokens.Add(new SearchToken(SearchTokenKind.CloseParen, ")", ")", start));
                    i++;
                    continue;
                case ',':
                    tokens.Add(new SearchToken(SearchTokenKind.Comma, ",", ",", start));
                    i++;
                    continue;
                case '\'':
                case '"':
                    {
                        var value = ReadQuoted(text, ref i, c);
                        tokens.Add(new SearchToken(SearchTokenKind.String, text[start..i], value, start));
                        continue;
                    }
            }

            if (c is '=' or '!' or '<' or '>')
            {
                while (i < text.Length && text[i] is '=' or '!' or '<' or '>')
                {
                    i++;
                }

                var op = text[start..i];
                tokens.Add(new SearchToken(SearchTokenKind.Operator, op, op, start));
                continue;
            }

            if (char.IsDigit(c) || ((c is '-' or '+' or '.') && i + 1 < text.Length && (char.IsDigit(text[i + 1]) || text[i + 1] == '.')))
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '.' || ((text[i] is '-' or '+') && text[i - 1] is 'e' or 'E')))
                {
                    i++;
                }

                var number = text[start..i];
                if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw SearchErrors.At($"Invalid number '{number}'", start, number);
                }

                tokens.Add(new SearchToken(SearchTokenKind.Number, number, number, start));
                continue;
            }

            if (c == '`' || IsIdentifierStart(c))
            {
                tokens.Add(ReadIdentifier(text, ref i));
                continue;
            }

            throw SearchErrors.At($"Unexpected character '{c}'", start, c.ToString());
        }

        tokens.Add(new SearchToken(SearchTokenKind.End, string.Empty, string.Empty, text.Length));
        return tokens;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or ':' or '/';

    private static SearchToken ReadIdentifier(string text, ref int i)
    {
        var start = i;
        string? entity = null;
        string key;
        if (text[i] == '`')
        {
            key = ReadQuoted(text, ref i, '`');
        }
        else
        {
            var wordStart = i;
            while (i < text.Length && IsIdentifierPart(text[i]))
            {
                i++;
            }

            var word = text[wordStart..i];
            if (i < text.Length && text[i] == '.')
            {
                // entity.key: the key is the rest (dots allowed) or a quoted name.
                entity = word;
                i++;
                if (i < text.Length && text[i] is '`' or '"' or '\'')
                {
                    key = ReadQuoted(text, ref i, text[i]);
                }
                else
                {
                    var keyStart = i;
                    while (i < text.Length && (IsIdentifierPart(text[i]) || text[i] == '.'))
                    {
                        i++;
                    }

                    key = text[keyStart..i];
                    if (key.Length == 0)
                    {
                        throw SearchErrors.At($"Missing key after '{entity}.'", start, text[start..i]);
                    }
                }
            }
            else
            {
                key = word;
                if (Keywords.Contains(word))
                {
                    return new SearchToken(SearchTokenKind.Keyword, word, word.ToUpperInvariant(), start);
                }
            }
        }

        return new SearchToken(SearchTokenKind.Identifier, text[start..i], key, start, entity);
    }

    private static string ReadQuoted(string text, ref int i, char quote)
    {
        var start = i;
        i++;
        var builder = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && (text[i + 1] == quote || text[i + 1] == '\\'))
            {
                builder.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c == quote)
            {
                i++;
                return builder.ToString();
            }

            builder.Append(c);
            i++;
        }

        throw SearchErrors.At($"Unterminated quoted text starting with {quote}", start, text[start..]);
    }
}
