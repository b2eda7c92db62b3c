using System;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.Search;
using MLflow.Tracking.Stores.Sqlite;
using MLflow.Tracking.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace MLflow.Tracking.Tests.Search;

/// <summary>The SQL translation keeps values out of the SQL text, and agrees with the in-memory evaluator.</summary>
public sealed class SqlTranslationTests : IDisposable
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Values_and_keys_become_parameters_never_SQL_text()
    {
        using var command = new SqliteCommand();
        var sql = new SqliteSearchSql(command);
        var filter = SearchFilterParser.ParseRunFilter(@"tags.`k""; DROP TABLE runs; --` = 'x\'; DROP TABLE runs; --' AND metrics.m > 1");

        var text = sql.RunConditions(filter);

        Assert.DoesNotContain("DROP", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(command.Parameters.Cast<SqliteParameter>(), p => (string?)(p.Value as string) == "x'; DROP TABLE runs; --");
        Assert.Contains(command.Parameters.Cast<SqliteParameter>(), p => (string?)(p.Value as string) == "k\"; DROP TABLE runs; --");
    }

    [Fact]
    public async Task Injection_attempts_in_a_filter_match_as_plain_values_and_harm_nothing()
    {
        await using var store = SqliteMlflowStore.Open(_temp.File("mlflow.db"), new SqliteStoreOptions());
        var client = new MlflowClient(store);
        var experimentId = await client.Experiments.CreateAsync("injection");
        var run = await client.Runs.CreateAsync(experimentId, "r", startTime: T0);
        await client.Runs.SetTagAsync(run.Info.RunId, "note", "x' OR '1'='1");
        await client.Runs.CreateAsync(experimentId, "other", startTime: T0);

        var exact = await client.Runs.SearchAsync([experimentId], @"tags.note = 'x\' OR \'1\'=\'1'");
        var attack = await client.Runs.SearchAsync([experimentId], @"tags.note = 'y\' OR \'1\'=\'1'");
        var dropped = await client.Runs.SearchAsync([experimentId], @"attributes.run_name = 'r''; DROP TABLE runs; --'".Replace("''", @"\'", StringComparison.Ordinal));

        Assert.Equal(run.Info.RunId, Assert.Single(exact.Items).Info.RunId);
        Assert.Empty(attack.Items);
        Assert.Empty(dropped.Items);
        Assert.Equal(2, (await client.Runs.SearchAsync([experimentId])).Items.Count);
    }

    [Theory]
    [InlineData("metrics.acc > 0.5", new string[0])]
    [InlineData("metrics.acc != 0.5", new string[0])]
    [InlineData("metrics.acc <= 0.7 AND params.lr = '0.1'", new string[0])]
    [InlineData("params.lr LIKE '0.%'", new[] { "params.lr DESC" })]
    [InlineData("tags.kind ILIKE 'A%'", new[] { "metrics.acc ASC" })]
    [InlineData("tags.kind LIKE 'A%'", new[] { "tags.kind DESC", "metrics.acc DESC" })]
    [InlineData("attributes.status IN ('FINISHED', 'FAILED')", new[] { "attributes.end_time DESC" })]
    [InlineData("attributes.start_time >= 1700000002000", new[] { "attributes.run_name" })]
    [InlineData("tags.kind NOT IN ('alpha')", new[] { "attributes.start_time ASC" })]
    [InlineData("", new[] { "metrics.acc DESC" })]
    [InlineData("", new[] { "metrics.loss ASC", "params.lr ASC" })]
    public async Task SQLite_search_and_in_memory_evaluator_agree(string filter, string[] orderBy)
    {
        await using var store = SqliteMlflowStore.Open(_temp.File("agree.db"), new SqliteStoreOptions());
        var client = new MlflowClient(store);
        var experimentId = await client.Experiments.CreateAsync("agree");
        var values = new[] { 0.3, double.NaN, 0.7, 0.5, 0.9, 0.7 };
        for (var i = 0; i < values.Length; i++)
        {
            var run = await client.Runs.CreateAsync(experimentId, "run-" + i, startTime: T0.AddSeconds(i % 4));
            var metrics = i == 3 ? Array.Empty<Metric>() : [new Metric("acc", values[i], T0), new Metric("loss", 1 - (i % 3), T0)];
            await client.Runs.LogBatchAsync(run.Info.RunId, metrics, [new Param("lr", "0." + (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture))], i == 5 ? [] : [new Tag("kind", i % 2 == 0 ? "Alpha" : "alpha")]);
            if (i % 2 == 1)
            {
                await client.Runs.SetTerminatedAsync(run.Info.RunId, i == 3 ? RunStatus.Failed : RunStatus.Finished, T0.AddMinutes(i));
            }
        }

        var everything = (await client.Runs.SearchAsync([experimentId])).Items;
        var expected = RunFilterEvaluator.FilterAndSort(everything, SearchFilterParser.ParseRunFilter(filter), SearchOrderParser.ParseRunOrder(orderBy)).Select(r => r.Info.RunName).ToArray();

        var actual = (await client.Runs.SearchAsync([experimentId], filter, orderBy)).Items.Select(r => r.Info.RunName).ToArray();

        Assert.Equal(expected, actual);
    }
}
