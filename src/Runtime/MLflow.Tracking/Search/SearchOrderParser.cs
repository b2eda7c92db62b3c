using System.Collections.Generic;

namespace MLflow.Tracking.Search;

/// <summary>Parses MLflow order_by clauses such as <c>metrics.acc DESC</c>, <c>attributes.start_time</c>, <c>name ASC</c>.</summary>
internal static class SearchOrderParser
{
    /// <summary>Parses runs/search order_by clauses.</summary>
    public static IReadOnlyList<SearchOrder> ParseRunOrder(IReadOnlyList<string>? orderBy) => Parse(orderBy, SearchSyntax.Runs);

    /// <summary>Parses experiments/search order_by clauses.</summary>
    public static IReadOnlyList<SearchOrder> ParseExperimentOrder(IReadOnlyList<string>? orderBy) => Parse(orderBy, SearchSyntax.Experiments);

    /// <summary>Parses each clause with the rules of <paramref name="syntax"/>; duplicates are refused as MLflow does.</summary>
    /// <exception cref="MlflowInvalidParameterException">A clause is not valid; the message says where.</exception>
    public static IReadOnlyList<SearchOrder> Parse(IReadOnlyList<string>? orderBy, SearchSyntax syntax)
    {
        var result = new List<SearchOrder>();
        if (orderBy is null)
        {
            return result;
        }

        var seen = new HashSet<(SearchEntity, string)>();
        foreach (var clause in orderBy)
        {
            var order = ParseClause(clause ?? string.Empty, syntax);
            if (!seen.Add((order.Entity, order.Key)))
            {
                throw SearchErrors.Plain($"`order_by` contains duplicate fields: ['{string.Join("', '", orderBy)}']");
            }

            result.Add(order);
        }

        return result;
    }

    private static SearchOrder ParseClause(string clause, SearchSyntax syntax)
    {
        var tokens = SearchTokenizer.Tokenize(clause);
        var identifier = tokens[0];
        if (identifier.Kind != SearchTokenKind.Identifier)
        {
            throw SearchErrors.At($"Invalid order_by clause '{clause}'. Could not be parsed.", identifier.Position, identifier.Text);
        }

        var entity = syntax.ResolveEntity(identifier);
        if (entity == SearchEntity.Dataset)
        {
            throw SearchErrors.At($"Invalid order_by clause '{clause}': runs cannot be ordered by datasets", identifier.Position, identifier.Text);
        }

        var key = entity == SearchEntity.Attribute ? syntax.ResolveAttribute(identifier, forOrdering: true) : identifier.Value;
        var ascending = true;
        var next = 1;
        if (tokens[next].Kind == SearchTokenKind.Keyword && tokens[next].Value is "ASC" or "DESC")
        {
            ascending = tokens[next].Value == "ASC";
            next++;
        }

        if (tokens[next].Kind != SearchTokenKind.End)
        {
            throw SearchErrors.At($"Invalid order_by clause '{clause}'. Could not be parsed.", tokens[next].Position, tokens[next].Text);
        }

        return new SearchOrder(entity, key, ascending);
    }
}
