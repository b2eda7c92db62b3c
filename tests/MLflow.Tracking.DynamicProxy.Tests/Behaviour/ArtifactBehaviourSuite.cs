using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Testing;

namespace MLflow.Tracking.TestSupport.Behaviour;

/// <summary>
/// What <see cref="ActiveRun.Current"/>'s artifact and input calls do from inside a tracked method, the same on every
/// tracking path: over a loopback MLflow server with the real background tracker, the files, texts and inputs land
/// (on the wire before the run's end), and a missing file or a refused path never fails the call; with
/// <see cref="MlflowFake"/>, they are recorded before the call returns. A derived class supplies the service.
/// </summary>
public abstract class ArtifactBehaviourSuite
{
    /// <summary>The tracked service, reporting to <paramref name="tracker"/> (through the proxy, or <c>MlflowTracking.UseTracker</c>).</summary>
    protected abstract IArtifactBehaviourService CreateService(IRunTracker tracker);

    [Fact]
    public async Task Artifacts_and_an_input_logged_in_the_body_reach_the_server_before_the_run_ends()
    {
        await using var rig = await Rig.StartAsync();
        var model = rig.WriteFile("model.bin", [0, 1, 2, 255]);

        var result = CreateService(rig.Tracker).Train(model);

        Assert.Equal("Train", result);
        var flushed = await rig.Tracker.FlushAsync();
        Assert.True(flushed.Succeeded, flushed.ToString());
        var run = await rig.SingleRunAsync();
        Assert.Equal(RunStatus.Finished, run.Info.Status);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, rig.ReadArtifact(run, "model/model.bin"));
        Assert.Equal("accuracy 0.9\n"u8.ToArray(), rig.ReadArtifact(run, "notes/report.txt"));
        Assert.Equal("{\n  \"lr\": 0.01,\n  \"layers\": [\n    4,\n    2\n  ]\n}"u8.ToArray(), rig.ReadArtifact(run, "config.json"));
        var input = Assert.Single(run.Inputs);
        Assert.Equal(("points", "training"), (input.Dataset.Name, input.Context));
        Assert.Contains(input.Tags, t => t.Key == "split" && t.Value == "train");
        rig.AssertSentBeforeTheEnd(puts: 3, inputs: 1);
    }

    [Fact]
    public async Task Artifacts_logged_after_an_await_belong_to_the_run_and_precede_its_end()
    {
        await using var rig = await Rig.StartAsync();
        var directory = Path.Combine(rig.Folder, "checkpoints");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "epoch-1.ckpt"), "one");
        File.WriteAllText(Path.Combine(directory, "epoch-2.ckpt"), "two");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var call = CreateService(rig.Tracker).CheckpointAsync(directory, gate.Task);
        _ = Task.Run(gate.SetResult);
        Assert.Equal(2, await call);

        var flushed = await rig.Tracker.FlushAsync();
        Assert.True(flushed.Succeeded, flushed.ToString());
        var run = await rig.SingleRunAsync();
        Assert.Equal(RunStatus.Finished, run.Info.Status);
        Assert.Equal("one"u8.ToArray(), rig.ReadArtifact(run, "checkpoints/epoch-1.ckpt"));
        Assert.Equal("two"u8.ToArray(), rig.ReadArtifact(run, "checkpoints/epoch-2.ckpt"));
        Assert.Equal("done"u8.ToArray(), rig.ReadArtifact(run, "checkpoints/DONE"));
        rig.AssertSentBeforeTheEnd(puts: 3, inputs: 0);
    }

    [Fact]
    public async Task A_missing_file_and_a_refused_path_never_fail_the_call_and_the_rest_of_the_run_is_kept()
    {
        await using var rig = await Rig.StartAsync();
        var missing = Path.Combine(rig.Folder, "never-written.bin");

        var result = CreateService(rig.Tracker).Careless(missing);

        Assert.Equal("done", result);
        var flushed = await rig.Tracker.FlushAsync();
        Assert.Equal(2, flushed.Refused);
        Assert.Equal(0, flushed.Pending);
        var run = await rig.SingleRunAsync();
        Assert.Equal(RunStatus.Finished, run.Info.Status);
        Assert.Equal("kept"u8.ToArray(), rig.ReadArtifact(run, "kept.txt"));
        Assert.False(File.Exists(Path.Combine(rig.Server.ArtifactsDirectory, "escape.txt")));
        Assert.Contains(rig.Logs.Entries, e => e.EventId.Id == 1260 && e.Message.Contains(missing, StringComparison.Ordinal));
        Assert.Contains(rig.Logs.Entries, e => e.EventId.Id == 1261 && e.Message.Contains("../escape.txt", StringComparison.Ordinal));
        rig.AssertSentBeforeTheEnd(puts: 1, inputs: 0);
    }

    [Fact]
    public void The_fake_has_them_recorded_when_the_call_returns()
    {
        using var mlflow = new MlflowFake();
        var folder = Directory.CreateTempSubdirectory("mlflow-artifact-suite-").FullName;
        try
        {
            var model = Path.Combine(folder, "model.bin");
            File.WriteAllBytes(model, [9, 8, 7]);

            CreateService(mlflow.Tracker).Train(model);

            var run = mlflow.AssertRunTerminated(RunStatus.Finished, "Train");
            Assert.Equal(run.RunId, mlflow.AssertArtifactLogged("model/model.bin").RunId); // runs are snapshots: compared by id
            Assert.Equal(new byte[] { 9, 8, 7 }, run.Artifacts["model/model.bin"]);
            mlflow.AssertArtifactLogged("notes/report.txt", "accuracy 0.9\n");
            mlflow.AssertArtifactLogged("config.json");
            Assert.Equal(run.RunId, mlflow.AssertInputLogged("points", "training").RunId);
            Assert.Throws<MlflowAssertionException>(() => mlflow.AssertInputLogged("points", "eval"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A loopback server that records the order of requests, a background tracker over it and a temp folder.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly ConcurrentQueue<RecordedRequest> _requests = new();

        private Rig(LoopbackMlflowServer server)
        {
            Server = server;
            Folder = Directory.CreateTempSubdirectory("mlflow-artifact-suite-").FullName;
            server.Faults = (request, _) =>
            {
                _requests.Enqueue(request);
                return Task.FromResult(false);
            };
            Tracker = new BackgroundRunTracker(
                new MlflowOptions { TrackingUri = server.BaseUri.AbsoluteUri, SpoolDirectory = Path.Combine(Folder, "spool"), MaxRetries = 0 },
                Logs);
        }

        public LoopbackMlflowServer Server { get; }

        public BackgroundRunTracker Tracker { get; }

        public RecordingLoggerProvider Logs { get; } = new();

        public string Folder { get; }

        public static async Task<Rig> StartAsync() => new(await LoopbackMlflowServer.StartAsync());

        public string WriteFile(string name, byte[] bytes)
        {
            var path = Path.Combine(Folder, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public async Task<Run> SingleRunAsync()
        {
            var experiment = await Server.Store.GetExperimentByNameAsync("artifacts", CancellationToken.None);
            var page = await Server.Store.SearchRunsAsync(new RunSearchRequest { ExperimentIds = [experiment.ExperimentId] }, CancellationToken.None);
            return Assert.Single(page.Items);
        }

        public byte[] ReadArtifact(Run run, string path) =>
            File.ReadAllBytes(Path.Combine(Server.ArtifactsDirectory, run.Info.ExperimentId, run.Info.RunId, "artifacts", path.Replace('/', Path.DirectorySeparatorChar)));

        /// <summary>Exactly <paramref name="puts"/> uploads and <paramref name="inputs"/> log-inputs calls, all before the run's FINISHED update.</summary>
        public void AssertSentBeforeTheEnd(int puts, int inputs)
        {
            var sent = _requests.ToArray();
            Assert.Equal(puts, sent.Count(r => r.Method == "PUT"));
            Assert.Equal(inputs, sent.Count(r => r.Path.EndsWith("/runs/log-inputs", StringComparison.Ordinal)));
            var end = Array.FindIndex(sent, r => r.Path.EndsWith("/runs/update", StringComparison.Ordinal) && r.Body.Contains("FINISHED", StringComparison.Ordinal));
            Assert.True(end > 0, "the run's end was not sent");
            var lastAttachment = Array.FindLastIndex(sent, r => r.Method == "PUT" || r.Path.EndsWith("/runs/log-inputs", StringComparison.Ordinal));
            Assert.True(lastAttachment < end, $"an artifact or input was sent after the run's end: {string.Join(", ", sent.Select(r => r.Method + " " + r.Path))}");
        }

        public async ValueTask DisposeAsync()
        {
            await Tracker.DisposeAsync();
            await Server.DisposeAsync();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Left to the temp cleaner.
            }
        }
    }
}
