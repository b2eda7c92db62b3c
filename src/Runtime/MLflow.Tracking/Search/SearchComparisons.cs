using System;
using System.Linq;

namespace MLflow.Tracking.Search;

/// <summary>How one comparison evaluates in memory, with the same results the SQL translation gives.</summary>
internal static class SearchComparisons
{
    /// <summary>Compares a string the store holds (null: the key is absent, which never matches).</summary>
    public static bool MatchesString(string? actual, SearchOperator op, SearchValue value)
    {
        if (actual is null)
        {
            return false;
        }

        return (op, value) switch
        {
            (SearchOperator.Equal, SearchStringValue s) => string.Equals(actual, s.Value, StringComparison.Ordinal),
            (SearchOperator.NotEqual, SearchStringValue s) => !string.Equals(actual, s.Value, StringComparison.Ordinal),
            (SearchOperator.Like, SearchStringValue s) => LikePattern.IsMatch(actual, s.Value, ignoreCase: false),
            (SearchOperator.ILike, SearchStringValue s) => LikePattern.IsMatch(actual, s.Value, ignoreCase: true),
            (SearchOperator.In, SearchListValue l) => l.Values.Contains(actual, StringComparer.Ordinal),
            (SearchOperator.NotIn, SearchListValue l) => !l.Values.Contains(actual, StringComparer.Ordinal),
            _ => false,
        };
    }

    /// <summary>Compares a number the store holds (null: absent, never matches; NaN only matches !=).</summary>
    public static bool MatchesNumber(double? actual, SearchOperator op, SearchValue value)
    {
        if (actual is null || value is not SearchNumberValue number)
        {
            return false;
        }

        var a = actual.Value;
        var b = number.Value;
        if (double.IsNaN(a))
        {
            return op == SearchOperator.NotEqual;
        }

        return op switch
        {
            SearchOperator.Equal => a == b,
            SearchOperator.NotEqual => a != b,
            SearchOperator.Less => a < b,
            SearchOperator.LessOrEqual => a <= b,
            SearchOperator.Greater => a > b,
            SearchOperator.GreaterOrEqual => a >= b,
            _ => false,
        };
    }

    /// <summary>Orders two optional strings with absent ones last whatever the direction, as MLflow's SQL does.</summary>
    public static int CompareNullsLast(string? x, string? y, bool ascending)
    {
        if (x is null || y is null)
        {
            return (x is null).CompareTo(y is null);
        }

        var result = string.CompareOrdinal(x, y);
        return ascending ? result : -result;
    }

    /// <summary>Orders two optional numbers with absent ones last whatever the direction, as MLflow's SQL does.</summary>
    public static int CompareNullsLast(double? x, double? y, bool ascending)
    {
        if (x is null || y is null)
        {
            return (x is null).CompareTo(y is null);
        }

        var result = x.Value.CompareTo(y.Value);
        return ascending ? result : -result;
    }
}
