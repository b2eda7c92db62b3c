using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MLflow.Tracking.Tests.Tracking.Support;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Artifacts;

/// <summary>
/// <c>mlflow-artifacts://host:port/…</c>: an artifact URI that names a server is sent to that server's proxy, not the
/// tracking server's, with the tracking URI's scheme, path prefix and credentials — MLflow's
/// <c>MlflowArtifactsRepository.resolve_uri</c> (<c>uri_parse.netloc if uri_parse.netloc else track_parse.netloc</c>).
/// </summary>
public sealed class ArtifactProxyAuthorityTests
{
    [Fact]
    public async Task Artifacts_of_a_run_whose_uri_names_another_server_go_to_that_server()
    {
        await using var tracking = await LoopbackMlflowServer.StartAsync();
        await using var artifacts = await LoopbackMlflowServer.StartAsync();
        var toTracking = Record(tracking);
        var toArtifacts = Record(artifacts);
        await using var client = new MlflowClient(new MlflowOptions { TrackingUri = tracking.BaseUri.AbsoluteUri, Token = "tok-123", MaxRetries = 0 });

        var authority = artifacts.BaseUri.Authority;
        var experimentId = await client.Experiments.CreateAsync("elsewhere", "mlflow-artifacts://" + authority + "/shared");
        var run = await client.Runs.CreateAsync(experimentId, "run");
        Assert.Equal($"mlflow-artifacts://{authority}/shared/{run.Info.RunId}/artifacts", run.Info.ArtifactUri);

        await client.Artifacts.UploadTextAsync(run.Info.RunId, "hello", "notes/a.txt");
        var listed = await client.Artifacts.ListAsync(run.Info.RunId, "notes");
        var downloaded = new MemoryStream();
        await client.Artifacts.DownloadAsync(run.Info.RunId, "notes/a.txt", downloaded);
        await client.Artifacts.DeleteAsync(run.Info.RunId, "notes/a.txt");

        Assert.Equal([new ArtifactFileInfo("notes/a.txt", false, 5)], listed);
        Assert.Equal("hello", Encoding.UTF8.GetString(downloaded.ToArray()));
        Assert.DoesNotContain(toTracking, r => r.Path.Contains("mlflow-artifacts", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(tracking.ArtifactsDirectory));

        var sent = toArtifacts.ToArray();
        Assert.Equal(["PUT", "GET", "GET", "DELETE"], sent.Select(r => r.Method));
        Assert.Equal($"/api/2.0/mlflow-artifacts/artifacts/shared/{run.Info.RunId}/artifacts/notes/a.txt", sent[0].Path);
        Assert.All(sent, r => Assert.Equal("Bearer tok-123", r.Header("Authorization")));
        Assert.All(sent, r => Assert.DoesNotContain("/api/2.0/mlflow/", r.Path, StringComparison.Ordinal)); // only the proxy, never the tracking API
    }

    [Fact]
    public async Task A_tracked_run_delivers_its_artifacts_to_the_named_server()
    {
        await using var tracking = await LoopbackMlflowServer.StartAsync();
        await using var artifacts = await LoopbackMlflowServer.StartAsync();
        using var spool = new TempSpool();
        var options = new MlflowOptions { TrackingUri = tracking.BaseUri.AbsoluteUri, MaxRetries = 0, SpoolDirectory = spool.Root };
        string experimentId;
        await using (var client = new MlflowClient(options))
        {
            experimentId = await client.Experiments.CreateAsync("tracked-elsewhere", "mlflow-artifacts://" + artifacts.BaseUri.Authority + "/root");
        }

        await using var tracker = new BackgroundRunTracker(options);
        string runId;
        using (var run = tracker.StartRun(new TrackedRunDefinition("tracked-elsewhere", "run", "Tests.Elsewhere")))
        {
            run.LogText("weights", "model/weights.txt");
            run.Complete();
            runId = await run.GetRunIdAsync();
        }

        var flushed = await tracker.FlushAsync();
        Assert.True(flushed.Succeeded, flushed.ToString());
        Assert.Equal("weights", File.ReadAllText(Path.Combine(artifacts.ArtifactsDirectory, "root", runId, "artifacts", "model", "weights.txt")));
        Assert.Equal(RunStatus.Finished, (await tracking.Store.GetRunAsync(runId, default)).Info.Status);
        Assert.Equal(experimentId, (await tracking.Store.GetRunAsync(runId, default)).Info.ExperimentId);
    }

    [Fact]
    public async Task A_port_without_a_host_is_refused_before_anything_is_sent()
    {
        await using var tracking = await LoopbackMlflowServer.StartAsync();
        await using var client = new MlflowClient(new MlflowOptions { TrackingUri = tracking.BaseUri.AbsoluteUri, MaxRetries = 0 });
        var experimentId = await client.Experiments.CreateAsync("port-only", "mlflow-artifacts://5000/x");
        var run = await client.Runs.CreateAsync(experimentId, "run");
        var before = tracking.RequestCount;

        var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => client.Artifacts.UploadTextAsync(run.Info.RunId, "x", "a.txt"));

        Assert.Contains("port number (5000) but no host", error.Message, StringComparison.Ordinal);
        Assert.Equal(before + 1, tracking.RequestCount); // runs/get for the artifact URI, no upload
    }

    private static ConcurrentQueue<RecordedRequest> Record(LoopbackMlflowServer server)
    {
        var requests = new ConcurrentQueue<RecordedRequest>();
        server.Faults = (request, _) =>
        {
            requests.Enqueue(request);
            return Task.FromResult(false);
        };
        return requests;
    }
}
