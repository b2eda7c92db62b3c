using System;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.Testing;
using MLflow.Tracking.Tests.TestSupport;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking.Tests.Artifacts;

/// <summary>
/// Search by dataset (<c>datasets.name</c>, <c>datasets.digest</c>, <c>datasets.context</c>) on the embedded SQLite
/// store and the in-memory store, with the results MLflow 3.5.1's server gives (transcripts 030–031).
/// </summary>
public sealed class DatasetSearchTests
{
    public static TheoryData<string> Stores() => ["sqlite", "memory"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Runs_are_found_by_the_name_digest_and_context_of_their_inputs(string store)
    {
        using var temp = new TempDirectory();
        await using var client = store == "sqlite"
            ? new MlflowClient(new MlflowOptions { TrackingUri = "sqlite:///" + temp.File("mlflow.db") })
            : new MlflowClient(new InMemoryMlflowStore());
        var experiment = await client.Experiments.CreateAsync("datasets");
        var points = new Dataset("points", "a1b2c3d4", "local", "{\"uri\": \"/data/points.csv\"}");
        var train = await client.CreateRunBuilder(experiment).WithName("train").WithInput(points, "training").StartAsync();
        var eval = await client.CreateRunBuilder(experiment).WithName("eval").WithInput(points with { Name = "points-test", Digest = "e5f6" }, "eval").StartAsync();
        var both = await client.CreateRunBuilder(experiment).WithName("both").WithInput(points, "training").WithInput(points with { Name = "points-test", Digest = "e5f6" }, "eval").StartAsync();
        await client.CreateRunBuilder(experiment).WithName("none").StartAsync();
        await client.CreateRunBuilder(experiment).WithName("no-context").WithInput(new Dataset("raw", "ff", "local", "{}")).StartAsync();

        async Task<string[]> Find(string filter) =>
            (await client.Runs.SearchAsync([experiment], filter, ["attributes.run_name ASC"])).Items.Select(r => r.Info.RunName!).ToArray();

        Assert.Equal(["both", "train"], await Find("datasets.name = 'points'"));
        Assert.Equal(["both", "train"], await Find("datasets.context = 'training'"));
        Assert.Equal(["both", "eval"], await Find("dataset.context = 'eval'"));
        Assert.Equal(["both", "eval", "no-context"], await Find("datasets.digest IN ('e5f6', 'ff')"));
        Assert.Equal(["both", "eval"], await Find("datasets.name LIKE 'points-%'"));
        Assert.Equal(["both", "eval", "no-context"], await Find("datasets.name != 'points'"));
        Assert.Equal(["both"], await Find("datasets.name = 'points' AND datasets.context = 'eval'"));
        Assert.Empty(await Find("datasets.context = 'raw'"));
        Assert.Equal(new[] { train.Info.RunId, eval.Info.RunId, both.Info.RunId }.Order(StringComparer.Ordinal), (await client.Runs.SearchAsync([experiment], "datasets.context ILIKE '%A%'")).Items.Select(r => r.Info.RunId).Order(StringComparer.Ordinal));

        var badKey = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => Find("datasets.size = '1'"));
        Assert.Contains("Invalid dataset key 'size'", badKey.Message, StringComparison.Ordinal);
        var order = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => client.Runs.SearchAsync([experiment], orderBy: ["datasets.name"]));
        Assert.Contains("cannot be ordered by datasets", order.Message, StringComparison.Ordinal);
    }
}
