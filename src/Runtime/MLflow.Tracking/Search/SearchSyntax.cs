using System;
using System.Collections.Generic;
using System.Linq;

namespace MLflow.Tracking.Search;

/// <summary>
/// What a search language allows: the entity prefixes, the attribute keys and their aliases, which are numeric,
/// and which attributes can be ordered by. One instance for runs, one for experiments.
/// </summary>
internal sealed class SearchSyntax
{
    private static readonly string[] NumericComparators = ["=", "!=", ">", ">=", "<", "<="];
    private static readonly string[] StringComparators = ["=", "!=", "LIKE", "ILIKE", "IN", "NOT IN"];

    private readonly IReadOnlyDictionary<string, SearchEntity> _entities;
    private readonly IReadOnlyDictionary<string, string> _attributes;
    private readonly HashSet<string> _numericAttributes;
    private readonly HashSet<string> _orderAttributes;
    private readonly string _validEntities;

    private SearchSyntax(
        IReadOnlyDictionary<string, SearchEntity> entities,
        string validEntities,
        IReadOnlyDictionary<string, string> attributes,
        IEnumerable<string> numericAttributes,
        IEnumerable<string> orderAttributes)
    {
        _entities = entities;
        _validEntities = validEntities;
        _attributes = attributes;
        _numericAttributes = new HashSet<string>(numericAttributes, StringComparer.Ordinal);
        _orderAttributes = new HashSet<string>(orderAttributes, StringComparer.Ordinal);
    }

    /// <summary>runs/search: metrics, params, tags and run attributes.</summary>
    public static SearchSyntax Runs { get; } = new(
        new Dictionary<string, SearchEntity>(StringComparer.Ordinal)
        {
            ["metric"] = SearchEntity.Metric,
            ["metrics"] = SearchEntity.Metric,
            ["param"] = SearchEntity.Param,
            ["params"] = SearchEntity.Param,
            ["parameter"] = SearchEntity.Param,
            ["parameters"] = SearchEntity.Param,
            ["tag"] = SearchEntity.Tag,
            ["tags"] = SearchEntity.Tag,
            ["attribute"] = SearchEntity.Attribute,
            ["attributes"] = SearchEntity.Attribute,
            ["attr"] = SearchEntity.Attribute,
            ["run"] = SearchEntity.Attribute,
            ["dataset"] = SearchEntity.Dataset,
            ["datasets"] = SearchEntity.Dataset,
        },
        "['metric', 'parameter', 'tag', 'attribute', 'dataset']",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["run_id"] = "run_id",
            ["run_name"] = "run_name",
            ["run name"] = "run_name",
            ["Run name"] = "run_name",
            ["Run Name"] = "run_name",
            ["status"] = "status",
            ["user_id"] = "user_id",
            ["artifact_uri"] = "artifact_uri",
            ["start_time"] = "start_time",
            ["created"] = "start_time",
            ["Created"] = "start_time",
            ["end_time"] = "end_time",
        },
        ["start_time", "end_time"],
        ["run_id", "run_name", "status", "user_id", "artifact_uri", "start_time", "end_time"]);

    /// <summary>experiments/search: tags and experiment attributes.</summary>
    public static SearchSyntax Experiments { get; } = new(
        new Dictionary<string, SearchEntity>(StringComparer.Ordinal)
        {
            ["tag"] = SearchEntity.Tag,
            ["tags"] = SearchEntity.Tag,
            ["attribute"] = SearchEntity.Attribute,
            ["attributes"] = SearchEntity.Attribute,
            ["attr"] = SearchEntity.Attribute,
        },
        "['attribute', 'tag']",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = "name",
            ["creation_time"] = "creation_time",
            ["last_update_time"] = "last_update_time",
            ["experiment_id"] = "experiment_id",
        },
        ["creation_time", "last_update_time"],
        ["name", "experiment_id", "creation_time", "last_update_time"]);

    /// <summary>The entity an identifier's prefix names (no prefix: an attribute).</summary>
    public SearchEntity ResolveEntity(SearchToken identifier)
    {
        if (identifier.Entity is null)
        {
            return SearchEntity.Attribute;
        }

        if (_entities.TryGetValue(identifier.Entity, out var entity))
        {
            return entity;
        }

        throw SearchErrors.At($"Invalid entity type '{identifier.Entity}'. Valid values are {_validEntities}", identifier.Position, identifier.Text);
    }

    /// <summary>The dataset keys MLflow filters on: <c>name</c>, <c>digest</c> and <c>context</c> (the input's <c>mlflow.data.context</c> tag).</summary>
    public static string ResolveDatasetKey(SearchToken identifier) => identifier.Value switch
    {
        "name" or "digest" or "context" => identifier.Value,
        _ => throw SearchErrors.At($"Invalid dataset key '{identifier.Value}' specified. Valid keys are '{FormatSet(["name", "digest", "context"])}'", identifier.Position, identifier.Text),
    };

    /// <summary>The canonical name of an attribute key.</summary>
    public string ResolveAttribute(SearchToken identifier, bool forOrdering)
    {
        if (_attributes.TryGetValue(identifier.Value, out var canonical) && (!forOrdering || _orderAttributes.Contains(canonical)))
        {
            return canonical;
        }

        var valid = forOrdering ? _orderAttributes : _attributes.Values.ToHashSet(StringComparer.Ordinal);
        throw SearchErrors.At($"Invalid attribute key '{identifier.Value}' specified. Valid keys are '{FormatSet(valid)}'", identifier.Position, identifier.Text);
    }

    /// <summary>Whether the clause compares numbers (metrics and time attributes).</summary>
    public bool IsNumeric(SearchEntity entity, string key) =>
        entity == SearchEntity.Metric || (entity == SearchEntity.Attribute && _numericAttributes.Contains(key));

    /// <summary>The comparators allowed for numeric or string keys, as MLflow lists them.</summary>
    public static IReadOnlyList<string> Comparators(bool numeric) => numeric ? NumericComparators : StringComparators;

    /// <summary>Python's rendering of a set of strings, as MLflow's messages show them.</summary>
    public static string FormatSet(IEnumerable<string> values) => "{" + string.Join(", ", values.Select(v => "'" + v + "'")) + "}";
}
