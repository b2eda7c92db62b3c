using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Tests.Reliability;
using MLflow.Tracking.Tests.TestSupport;
using MLflow.Tracking.Tests.Tracking.Support;
using MLflow.Tracking.TestSupport;
using Xunit.Abstractions;

namespace MLflow.Tracking.Tests.Artifacts;

/// <summary>
/// A run with artifacts and a dataset input across real processes (tests/MLflow.Tracking.ProcessHost, verb
/// <c>artifacts</c>): tracked with the server down, the process exits after its one deadline; the next process, with
/// the server up, delivers it from the spool whole and once, its files and input before its end. A file deleted
/// between the two is reported (in the flush's refused count and a log line naming its path), never dropped silently.
/// </summary>
public sealed class CrossProcessArtifactsTests(ITestOutputHelper output)
{
    private const int FlushMs = 1500;

    [Fact]
    public async Task A_spooled_run_with_artifacts_and_an_input_is_delivered_whole_once_by_the_next_process()
    {
        await using var server = await LoopbackMlflowServer.StartAsync();
        using var spool = new TempSpool();
        using var work = new TempDirectory();
        var model = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31)).ToArray();
        File.WriteAllBytes(work.File("model.bin"), model);
        File.WriteAllBytes(work.File("gone.bin"), [1, 2, 3]);

        server.Faults = ReliabilityRig.Unavailable;
        using (var down = await ChildProcess.Start("artifacts", server.BaseUri.AbsoluteUri, spool.Root, Ms(FlushMs), work.Path).WaitAsync())
        {
            output.WriteLine($"server down: exit {down.ExitCode} after {down.WallTime.TotalSeconds:0.00} s\n{down.Output}");
            Assert.Equal(0, down.ExitCode);
            Assert.Equal(0, server.ServedCount);
            Assert.True(spool.FileCount > 0, "the run was not spooled");
        }

        // The spool keeps a file as its path: one deleted before the replay must be reported, not lost in silence.
        File.Delete(work.File("gone.bin"));

        var requests = new ConcurrentQueue<RecordedRequest>();
        server.Faults = (request, _) =>
        {
            requests.Enqueue(request);
            return Task.FromResult(false);
        };
        using var up = await ChildProcess.Start("replay", server.BaseUri.AbsoluteUri, spool.Root, Ms(FlushMs)).WaitAsync();
        output.WriteLine(up.Output);
        Assert.Equal(0, up.ExitCode);
        Assert.Equal(0, spool.FileCount);

        var experiment = await server.Store.GetExperimentByNameAsync("cross-process", CancellationToken.None);
        var page = await server.Store.SearchRunsAsync(new RunSearchRequest { ExperimentIds = [experiment.ExperimentId], ViewType = ViewType.All }, CancellationToken.None);
        var run = Assert.Single(page.Items);
        Assert.Equal(RunStatus.Finished, run.Info.Status);
        Assert.Equal("3", run.Data.Params["epochs"]);
        Assert.Equal(0.9, Assert.Single(run.Data.Metrics).Value);

        var input = Assert.Single(run.Inputs);
        Assert.Equal(("points", "a1b2c3d4", "training"), (input.Dataset.Name, input.Dataset.Digest, input.Context));

        var root = Path.Combine(server.ArtifactsDirectory, experiment.ExperimentId, run.Info.RunId, "artifacts");
        Assert.Equal(model, File.ReadAllBytes(Path.Combine(root, "model", "model.bin")));
        Assert.Equal("accuracy 0.9\n", File.ReadAllText(Path.Combine(root, "notes", "report.txt")));
        Assert.Equal("{\n  \"lr\": 0.01,\n  \"layers\": [\n    4,\n    2\n  ]\n}", File.ReadAllText(Path.Combine(root, "config.json")));
        Assert.False(File.Exists(Path.Combine(root, "gone.bin")));

        // Once: one creation, one upload per file; and the end after every file and the input.
        var sent = requests.ToArray();
        Assert.Single(sent, r => r.Path.EndsWith("/runs/create", StringComparison.Ordinal));
        var uploads = sent.Where(r => r.Method == "PUT").Select(r => r.Path).ToList();
        Assert.Equal(3, uploads.Count);
        Assert.Equal(uploads.Count, uploads.Distinct(StringComparer.Ordinal).Count());
        var end = Array.FindIndex(sent, r => r.Path.EndsWith("/runs/update", StringComparison.Ordinal) && r.Body.Contains("FINISHED", StringComparison.Ordinal));
        Assert.True(end > 0, "the run's end was not sent");
        Assert.True(Array.FindLastIndex(sent, r => r.Method == "PUT" || r.Path.EndsWith("/runs/log-inputs", StringComparison.Ordinal)) < end, "an artifact or the input was sent after the run's end");

        // The lost file: counted as refused by the replaying process's flush, and named in its log.
        Assert.Contains("Refused = 1,", up.Output, StringComparison.Ordinal);
        Assert.Contains(work.File("gone.bin"), up.Output, StringComparison.Ordinal);
    }

    private static string Ms(int milliseconds) => milliseconds.ToString(CultureInfo.InvariantCulture);
}
