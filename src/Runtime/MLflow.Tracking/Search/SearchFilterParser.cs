using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MLflow.Tracking.Search;

/// <summary>
/// Parses MLflow's filter language: <c>clause (AND clause)*</c> where a clause is <c>identifier operator value</c>.
/// Identifiers are <c>entity.key</c> (keys may be quoted with backticks or double quotes) or bare attribute names.
/// OR, parentheses around clauses and anything else are refused as MLflow refuses them.
/// </summary>
internal static class SearchFilterParser
{
    /// <summary>Parses a runs/search filter.</summary>
    public static SearchFilter ParseRunFilter(string? filter) => Parse(filter, SearchSyntax.Runs);

    /// <summary>Parses an experiments/search filter.</summary>
    public static SearchFilter ParseExperimentFilter(string? filter) => Parse(filter, SearchSyntax.Experiments);

    /// <summary>Parses <paramref name="filter"/> with the rules of <paramref name="syntax"/>.</summary>
    /// <exception cref="MlflowInvalidParameterException">The filter is not valid; the message says where.</exception>
    public static SearchFilter Parse(string? filter, SearchSyntax syntax)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return SearchFilter.Empty;
        }

        var tokens = SearchTokenizer.Tokenize(filter);
        var clauses = new List<SearchComparison>();
        var i = 0;
        while (true)
        {
            clauses.Add(ParseComparison(tokens, ref i, syntax));
            var next = tokens[i];
            if (next.Kind == SearchTokenKind.End)
            {
                return new SearchFilter(clauses);
            }

            if (next.Kind == SearchTokenKind.Keyword && next.Value == "AND")
            {
                i++;
                continue;
            }

            throw InvalidClauses(tokens, i);
        }
    }

    private static MlflowInvalidParameterException InvalidClauses(IReadOnlyList<SearchToken> tokens, int from)
    {
        // MLflow lists the tokens it could not use: "Invalid clause(s) in filter string: 'OR', 'x'".
        var rest = tokens.Skip(from).Where(t => t.Kind != SearchTokenKind.End).Select(t => "'" + t.Text + "'");
        return SearchErrors.At("Invalid clause(s) in filter string: " + string.Join(", ", rest), tokens[from].Position, tokens[from].Text);
    }

    private static SearchComparison ParseComparison(IReadOnlyList<SearchToken> tokens, ref int i, SearchSyntax syntax)
    {
        var identifier = tokens[i];
        if (identifier.Kind != SearchTokenKind.Identifier)
        {
            if (identifier.Kind == SearchTokenKind.End)
            {
                throw SearchErrors.At("Invalid filter: expected a clause such as metrics.acc > 0.5 but the filter ends", identifier.Position, identifier.Text);
            }

            throw InvalidClauses(tokens, i);
        }

        i++;
        var entity = syntax.ResolveEntity(identifier);
        var key = entity switch
        {
            SearchEntity.Attribute => syntax.ResolveAttribute(identifier, forOrdering: false),
            SearchEntity.Dataset => SearchSyntax.ResolveDatasetKey(identifier),
            _ => identifier.Value,
        };
        var numeric = syntax.IsNumeric(entity, key);
        var (op, opToken) = ReadOperator(tokens, ref i);
        var allowed = SearchSyntax.Comparators(numeric);
        if (!allowed.Contains(opToken.Value == "NOT" ? "NOT IN" : OperatorText(op), StringComparer.Ordinal))
        {
            throw SearchErrors.At($"Invalid comparator '{opToken.Text}' not one of '{SearchSyntax.FormatSet(allowed)}'", opToken.Position, opToken.Text);
        }

        var value = ReadValue(tokens, ref i, op, numeric, identifier);
        return new SearchComparison(entity, key, op, value, identifier.Position);
    }

    private static (SearchOperator Operator, SearchToken Token) ReadOperator(IReadOnlyList<SearchToken> tokens, ref int i)
    {
        var token = tokens[i];
        if (token.Kind == SearchTokenKind.Operator)
        {
            i++;
            SearchOperator? op = token.Value switch
            {
                "=" or "==" => SearchOperator.Equal,
                "!=" or "<>" => SearchOperator.NotEqual,
                "<" => SearchOperator.Less,
                "<=" => SearchOperator.LessOrEqual,
                ">" => SearchOperator.Greater,
                ">=" => SearchOperator.GreaterOrEqual,
                _ => null,
            };
            if (op is null)
            {
                throw SearchErrors.At($"Invalid comparator '{token.Text}' not one of '{SearchSyntax.FormatSet(["=", "!=", ">", ">=", "<", "<=", "LIKE", "ILIKE", "IN", "NOT IN"])}'", token.Position, token.Text);
            }

            return (op.Value, token);
        }

        if (token.Kind == SearchTokenKind.Keyword)
        {
            switch (token.Value)
            {
                case "LIKE":
                    i++;
                    return (SearchOperator.Like, token);
                case "ILIKE":
                    i++;
                    return (SearchOperator.ILike, token);
                case "IN":
                    i++;
                    return (SearchOperator.In, token);
                case "NOT" when tokens[i + 1].Kind == SearchTokenKind.Keyword && tokens[i + 1].Value == "IN":
                    i += 2;
                    return (SearchOperator.NotIn, token);
            }
        }

        throw SearchErrors.At($"Invalid filter: expected a comparator after '{tokens[i - 1].Text}' but found '{token.Text}'", token.Position, token.Text);
    }

    private static SearchValue ReadValue(IReadOnlyList<SearchToken> tokens, ref int i, SearchOperator op, bool numeric, SearchToken identifier)
    {
        var token = tokens[i];
        if (op is SearchOperator.In or SearchOperator.NotIn)
        {
            return ReadList(tokens, ref i);
        }

        i++;
        if (numeric)
        {
            if (token.Kind == SearchTokenKind.Number)
            {
                return new SearchNumberValue(double.Parse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture));
            }

            throw SearchErrors.At($"Expected numeric value type for {(identifier.Entity is null || !identifier.Entity.StartsWith("metric", StringComparison.Ordinal) ? "attribute" : "metric")}. Found {token.Text}", token.Position, token.Text);
        }

        if (token.Kind == SearchTokenKind.String)
        {
            return new SearchStringValue(token.Value);
        }

        throw SearchErrors.At($"Expected a quoted string value for {identifier.Text}. Found {token.Text}", token.Position, token.Text);
    }

    private static SearchListValue ReadList(IReadOnlyList<SearchToken> tokens, ref int i)
    {
        var open = tokens[i];
        if (open.Kind != SearchTokenKind.OpenParen)
        {
            throw SearchErrors.At($"While parsing a list in the query, expected a non-empty list of string values, but got '{open.Text}'", open.Position, open.Text);
        }

        i++;
        var values = new List<string>();
        while (true)
        {
            var token = tokens[i];
            if (token.Kind != SearchTokenKind.String)
            {
                throw SearchErrors.At($"While parsing a list in the query, expected string value, punctuation, or whitespace, but got '{token.Text}'", token.Position, token.Text);
            }

            values.Add(token.Value);
            i++;
            var separator = tokens[i];
            i++;
            if (separator.Kind == SearchTokenKind.CloseParen)
            {
                return new SearchListValue(values);
            }

            if (separator.Kind != SearchTokenKind.Comma)
            {
                throw SearchErrors.At($"While parsing a list in the query, expected ',' or ')' but got '{separator.Text}'", separator.Position, separator.Text);
            }
        }
    }

    /// <summary>The operator as MLflow writes it.</summary>
    public static string OperatorText(SearchOperator op) => op switch
    {
        SearchOperator.Equal => "=",
        SearchOperator.NotEqual => "!=",
        SearchOperator.Less => "<",
        SearchOperator.LessOrEqual => "<=",
        SearchOperator.Greater => ">",
        SearchOperator.GreaterOrEqual => ">=",
        SearchOperator.Like => "LIKE",
        SearchOperator.ILike => "ILIKE",
        SearchOperator.In => "IN",
        _ => "NOT IN",
    };
}
