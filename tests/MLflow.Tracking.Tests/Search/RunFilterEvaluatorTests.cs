using System;
using System.Collections.Generic;
using System.Linq;
using MLflow.Tracking.Search;

namespace MLflow.Tracking.Tests.Search;

public sealed class RunFilterEvaluatorTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    private static Run MakeRun(string id, string name, long startOffsetSeconds, Dictionary<string, double>? metrics = null, Dictionary<string, string>? parameters = null, Dictionary<string, string>? tags = null, RunStatus status = RunStatus.Running)
    {
        var metricList = new List<Metric>();
        foreach (var (key, value) in metrics ?? new())
        {
            metricList.Add(new Metric(key, value, T0));
        }

        return new Run(
            new RunInfo { RunId = id, ExperimentId = "1", RunName = name, Status = status, StartTime = T0.AddSeconds(startOffsetSeconds) },
            new RunData { Metrics = metricList, Params = parameters ?? new(), Tags = tags ?? new() });
    }

    private static readonly Run A = MakeRun("aaaa", "run-a", 0, new() { ["acc"] = 0.95 }, new() { ["lr"] = "0.01" }, new() { ["model"] = "Classifier" }, RunStatus.Finished);
    private static readonly Run B = MakeRun("bbbb", "run-b", 1, new() { ["acc"] = double.NaN }, new() { ["lr"] = "0.02" });
    private static readonly Run C = MakeRun("cccc", "run-c", 2);

    private static string[] Names(string? filter, params string[] orderBy)
    {
        var result = RunFilterEvaluator.FilterAndSort([A, B, C], SearchFilterParser.ParseRunFilter(filter), SearchOrderParser.ParseRunOrder(orderBy));
        return result.Select(r => r.Info.RunName!).ToArray();
    }

    [Fact]
    public void No_filter_returns_all_newest_first()
    {
        Assert.Equal(["run-c", "run-b", "run-a"], Names(null));
    }

    [Fact]
    public void Metric_comparison_ignores_runs_without_the_metric_and_NaN()
    {
        Assert.Equal(["run-a"], Names("metrics.acc > 0"));
    }

    [Fact]
    public void NaN_metric_matches_not_equal()
    {
        Assert.Equal(["run-b"], Names("metrics.acc != 0.95"));
    }

    [Fact]
    public void Param_equality_is_exact()
    {
        Assert.Equal(["run-b"], Names("params.lr = '0.02'"));
    }

    [Fact]
    public void LIKE_is_case_sensitive_and_ILIKE_is_not()
    {
        Assert.Empty(Names("tags.model LIKE 'class%'"));
        Assert.Equal(["run-a"], Names("tags.model ILIKE 'class%'"));
        Assert.Equal(["run-a"], Names("tags.model LIKE 'C_assifier'"));
    }

    [Fact]
    public void Status_and_name_attributes_compare_as_strings()
    {
        Assert.Equal(["run-a"], Names("attributes.status = 'FINISHED'"));
        Assert.Equal(["run-c", "run-a"], Names("attributes.run_name IN ('run-a', 'run-c')"));
    }

    [Fact]
    public void Order_by_metric_puts_NaN_then_missing_last_in_both_directions()
    {
        Assert.Equal(["run-a", "run-b", "run-c"], Names(null, "metrics.acc DESC"));
        Assert.Equal(["run-a", "run-b", "run-c"], Names(null, "metrics.acc ASC"));
    }

    [Fact]
    public void Order_by_param_puts_missing_last()
    {
        Assert.Equal(["run-b", "run-a", "run-c"], Names(null, "params.lr DESC"));
    }

    [Fact]
    public void Order_by_start_time_ascending_replaces_the_default()
    {
        Assert.Equal(["run-a", "run-b", "run-c"], Names(null, "attributes.start_time"));
    }

    [Fact]
    public void Experiment_evaluator_orders_by_creation_time_descending_by_default()
    {
        var older = new Experiment { ExperimentId = "1", Name = "old", CreationTime = T0 };
        var newer = new Experiment { ExperimentId = "2", Name = "new", CreationTime = T0.AddSeconds(1), Tags = new Dictionary<string, string> { ["team"] = "ml" } };

        var all = ExperimentFilterEvaluator.FilterAndSort([older, newer], SearchFilter.Empty, []);
        var tagged = ExperimentFilterEvaluator.FilterAndSort([older, newer], SearchFilterParser.ParseExperimentFilter("tags.team = 'ml'"), []);

        Assert.Equal(["new", "old"], all.Select(e => e.Name).ToArray());
        Assert.Equal("new", Assert.Single(tagged).Name);
    }
}
