using System;
using MLflow.Tracking.Search;

namespace MLflow.Tracking.Tests.Search;

public sealed class SearchOrderParserTests
{
    [Fact]
    public void Metric_DESC_parses()
    {
        Assert.Equal(new SearchOrder(SearchEntity.Metric, "acc", false), Assert.Single(SearchOrderParser.ParseRunOrder(["metrics.acc DESC"])));
    }

    [Fact]
    public void Direction_defaults_to_ascending()
    {
        Assert.Equal(new SearchOrder(SearchEntity.Attribute, "start_time", true), Assert.Single(SearchOrderParser.ParseRunOrder(["attributes.start_time"])));
    }

    [Fact]
    public void Backtick_keys_and_lower_case_direction_parse()
    {
        Assert.Equal(new SearchOrder(SearchEntity.Param, "my key", false), Assert.Single(SearchOrderParser.ParseRunOrder(["params.`my key` desc"])));
    }

    [Fact]
    public void Experiment_name_ASC_parses()
    {
        Assert.Equal(new SearchOrder(SearchEntity.Attribute, "name", true), Assert.Single(SearchOrderParser.ParseExperimentOrder(["name ASC"])));
    }

    [Fact]
    public void Unknown_entity_is_refused_with_MLflows_message()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => SearchOrderParser.ParseRunOrder(["nonsense.acc DESC"]));

        Assert.StartsWith("Invalid entity type 'nonsense'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_experiment_attribute_is_refused_with_MLflows_message()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => SearchOrderParser.ParseExperimentOrder(["bogus DESC"]));

        Assert.StartsWith("Invalid attribute key 'bogus' specified. Valid keys are '{'name', 'experiment_id', 'creation_time', 'last_update_time'}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_words_are_refused_where_they_start()
    {
        var error = Assert.Throws<MlflowInvalidParameterException>(() => SearchOrderParser.ParseRunOrder(["metrics.acc DESC please"]));

        Assert.Equal("Invalid order_by clause 'metrics.acc DESC please'. Could not be parsed. (at position 17, near 'please')", error.Message);
    }

    [Fact]
    public void Duplicate_fields_are_refused()
    {
        Assert.Throws<MlflowInvalidParameterException>(() => SearchOrderParser.ParseRunOrder(["metrics.acc", "metric.acc DESC"]));
    }
}
