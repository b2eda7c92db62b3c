using System;
using System.Linq;
using MLflow.Tracking.Search;

namespace MLflow.Tracking.Tests.Search;

public sealed class SearchFilterParserTests
{
    [Fact]
    public void Empty_filter_has_no_clauses()
    {
        Assert.Empty(SearchFilterParser.ParseRunFilter("  ").Clauses);
        Assert.Empty(SearchFilterParser.ParseRunFilter(null).Clauses);
    }

    [Fact]
    public void Metric_comparison_parses_to_a_number_clause()
    {
        var clause = Assert.Single(SearchFilterParser.ParseRunFilter("metrics.acc > 0.75").Clauses);

        Assert.Equal(new SearchComparison(SearchEntity.Metric, "acc", SearchOperator.Greater, new SearchNumberValue(0.75), 0), clause);
    }

    [Fact]
    public void Clauses_joined_by_AND_parse_in_order_with_positions()
    {
        var filter = SearchFilterParser.ParseRunFilter("tags.model_type = 'classifier' and params.lr != \"0.01\"");

        Assert.Equal(2, filter.Clauses.Count);
        Assert.Equal(new SearchComparison(SearchEntity.Tag, "model_type", SearchOperator.Equal, new SearchStringValue("classifier"), 0), filter.Clauses[0]);
        Assert.Equal(new SearchComparison(SearchEntity.Param, "lr", SearchOperator.NotEqual, new SearchStringValue("0.01"), 35), filter.Clauses[1]);
    }

    [Theory]
    [InlineData("metric.acc = 1", "Metric")]
    [InlineData("param.lr = '1'", "Param")]
    [InlineData("parameters.lr = '1'", "Param")]
    [InlineData("tag.t = '1'", "Tag")]
    [InlineData("attribute.status = 'RUNNING'", "Attribute")]
    [InlineData("attr.status = 'RUNNING'", "Attribute")]
    [InlineData("run.status = 'RUNNING'", "Attribute")]
    [InlineData("status = 'RUNNING'", "Attribute")]
    public void MLflows_entity_aliases_are_accepted(string filter, string entity)
    {
        Assert.Equal(Enum.Parse<SearchEntity>(entity), Assert.Single(SearchFilterParser.ParseRunFilter(filter).Clauses).Entity);
    }

    [Theory]
    [InlineData("metrics.`my key` < 2", "my key")]
    [InlineData("metrics.\"my key\" < 2", "my key")]
    [InlineData("metrics.train.loss < 2", "train.loss")]
    [InlineData("metrics.loss/val:1 < 2", "loss/val:1")]
    public void Quoted_and_dotted_keys_are_read_whole(string filter, string key)
    {
        Assert.Equal(key, Assert.Single(SearchFilterParser.ParseRunFilter(filter).Clauses).Key);
    }

    [Theory]
    [InlineData("attributes.created > 5", "start_time")]
    [InlineData("attributes.`Run name` = 'x'", "run_name")]
    [InlineData("attributes.run_id = 'x'", "run_id")]
    public void Attribute_aliases_become_canonical_names(string filter, string key)
    {
        Assert.Equal(key, Assert.Single(SearchFilterParser.ParseRunFilter(filter).Clauses).Key);
    }

    [Fact]
    public void IN_and_NOT_IN_read_string_lists()
    {
        var filter = SearchFilterParser.ParseRunFilter("attributes.run_id IN ('a', 'b') AND tags.t NOT IN ('c')");

        Assert.Equal(["a", "b"], ((SearchListValue)filter.Clauses[0].Value).Values);
        Assert.Equal(SearchOperator.NotIn, filter.Clauses[1].Operator);
        Assert.Equal(["c"], ((SearchListValue)filter.Clauses[1].Value).Values);
    }

    [Fact]
    public void LIKE_and_ILIKE_are_case_insensitive_keywords()
    {
        var filter = SearchFilterParser.ParseRunFilter("tags.a like 'x%' AND tags.b ILike 'Y_'");

        Assert.Equal(SearchOperator.Like, filter.Clauses[0].Operator);
        Assert.Equal(SearchOperator.ILike, filter.Clauses[1].Operator);
    }

    [Fact]
    public void Escaped_quote_inside_a_string_is_part_of_the_value()
    {
        var clause = Assert.Single(SearchFilterParser.ParseRunFilter(@"tags.t = 'it\'s'").Clauses);

        Assert.Equal(new SearchStringValue("it's"), clause.Value);
    }

    [Fact]
    public void OR_is_refused_listing_the_unused_clauses_and_where()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => SearchFilterParser.ParseRunFilter("tags.model_type = 'classifier' OR x"));

        Assert.Equal("Invalid clause(s) in filter string: 'OR', 'x' (at position 31, near 'OR')", error.Message);
    }

    [Fact]
    public void Unknown_entity_is_refused_with_MLflows_message_and_position()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => SearchFilterParser.ParseRunFilter("metrics.a > 1 AND nonsense.acc = 1"));

        Assert.Equal("Invalid entity type 'nonsense'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset'] (at position 18, near 'nonsense.acc')", error.Message);
    }

    [Fact]
    public void Unknown_attribute_is_refused_listing_valid_keys()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => SearchFilterParser.ParseRunFilter("attributes.colour = 'red'"));

        Assert.StartsWith("Invalid attribute key 'colour' specified. Valid keys are '{", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(at position 0, near 'attributes.colour')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Triple_equals_is_refused_as_an_invalid_comparator()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => SearchFilterParser.ParseExperimentFilter("name === 'x'"));

        Assert.StartsWith("Invalid comparator '===' not one of", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(at position 5, near '===')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LIKE_on_a_metric_is_refused()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => SearchFilterParser.ParseRunFilter("metrics.acc LIKE '1%'"));

        Assert.StartsWith("Invalid comparator 'LIKE' not one of '{'=', '!=', '>', '>=', '<', '<='}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Greater_than_on_a_param_is_refused()
    {
        Assert.Throws<MlflowInvalidParameterException>(() => SearchFilterParser.ParseRunFilter("params.lr > '1'"));
    }

    [Fact]
    public void Quoted_metric_value_is_refused()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => SearchFilterParser.ParseRunFilter("metrics.acc > '0.5'"));

        Assert.StartsWith("Expected numeric value type for metric. Found '0.5'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unquoted_string_value_is_refused()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => SearchFilterParser.ParseRunFilter("params.lr = 0.5"));

        Assert.Contains("Expected a quoted string value", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(at position 12, near '0.5')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_string_is_refused_where_it_starts()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => SearchFilterParser.ParseRunFilter("params.lr = 'abc"));

        Assert.Contains("(at position 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_ending_after_AND_is_refused()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => SearchFilterParser.ParseRunFilter("params.lr = 'a' AND"));

        Assert.Contains("(at position 19", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_comparator_is_refused()
    {
        Assert.Throws<MlflowInvalidParameterException>(() => SearchFilterParser.ParseRunFilter("params.lr 'a'"));
    }

    [Fact]
    public void Empty_IN_list_is_refused()
    {
        Assert.Throws<MlflowInvalidParameterException>(() => SearchFilterParser.ParseRunFilter("attributes.run_id IN ()"));
    }

    [Fact]
    public void Experiment_filter_accepts_name_tags_and_times()
    {
        var filter = SearchFilterParser.ParseExperimentFilter("name LIKE 'train%' AND tags.team = 'vision' AND creation_time > 5 AND last_update_time <= 9");

        Assert.Equal(["name", "team", "creation_time", "last_update_time"], filter.Clauses.Select(c => c.Key).ToArray());
    }

    [Fact]
    public void Experiment_filter_refuses_metrics()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => SearchFilterParser.ParseExperimentFilter("metrics.acc > 1"));

        Assert.StartsWith("Invalid entity type 'metrics'. Valid values are ['attribute', 'tag']", error.Message, StringComparison.Ordinal);
    }
}
