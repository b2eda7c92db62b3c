using System;
using System.Linq;

namespace MLflow.Tracking.Tests.Client;

/// <summary>Batches are split the way MLflow's Python client splits them.</summary>
public sealed class BatchSplitterTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(0);

    [Fact]
    public void Split_fills_requests_with_params_and_tags_first_then_metrics_up_to_1000_items()
    {
        var metrics = Enumerable.Range(0, 1500).Select(i => new Metric("m", i, T0, i)).ToList();
        var parameters = Enumerable.Range(0, 150).Select(i => new Param("p" + i, "v")).ToList();
        var tags = Enumerable.Range(0, 20).Select(i => new Tag("t" + i, "v")).ToList();

        var chunks = BatchSplitter.Split(metrics, parameters, tags).ToList();

        Assert.Equal([(880, 100, 20), (620, 50, 0)], chunks.Select(c => (c.Metrics.Count, c.Params.Count, c.Tags.Count)));
        Assert.Equal(metrics, chunks.SelectMany(c => c.Metrics));
    }

    [Fact]
    public void Split_sends_metrics_alone_in_chunks_of_1000()
    {
        var metrics = Enumerable.Range(0, 2001).Select(i => new Metric("m", i, T0, i)).ToList();

        var chunks = BatchSplitter.Split(metrics, [], []).ToList();

        Assert.Equal([1000, 1000, 1], chunks.Select(c => c.Metrics.Count));
        Assert.Equal(metrics, chunks.SelectMany(c => c.Metrics));
    }

    [Fact]
    public void Split_of_nothing_yields_no_request() => Assert.Empty(BatchSplitter.Split([], [], []));
}
