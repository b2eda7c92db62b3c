using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Artifacts;
using MLflow.Tracking.Stores;
using MLflow.Tracking.Testing;
using MLflow.Tracking.TestSupport;
using MLflow.Tracking.Tests.Rest;
using MLflow.Tracking.Tests.TestSupport;

namespace MLflow.Tracking.Tests.Artifacts;

/// <summary>
/// Bad and unusual input through each kind of artifact root — the server's proxy (loopback server), the embedded
/// SQLite default (local files) and the in-memory fake: traversal, symlinks, missing files, empty, binary and
/// unicode files, other schemes.
/// </summary>
public sealed class ArtifactEdgeCaseTests
{
    public static TheoryData<string> Backends() => ["proxy", "sqlite", "memory"];

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Empty_binary_and_unicode_files_round_trip_byte_for_byte(string backend)
    {
        using var temp = new TempDirectory();
        await using var rig = await Rig.StartAsync(backend, temp);
        var binary = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(new byte[] { 0xEF, 0xBB, 0xBF, 0xFF, 0xFE }).ToArray();
        File.WriteAllBytes(temp.File("blob.bin"), binary);
        File.WriteAllBytes(temp.File("empty.txt"), []);
        File.WriteAllText(temp.File("résumé 模型 final.txt"), "précis ✓");

        await rig.Client.Artifacts.UploadAsync(rig.RunId, temp.File("blob.bin"), "data");
        await rig.Client.Artifacts.UploadAsync(rig.RunId, temp.File("empty.txt"));
        await rig.Client.Artifacts.UploadAsync(rig.RunId, temp.File("résumé 模型 final.txt"), "notes/ünï");

        Assert.Equal(
            [new("data", true, null), new("empty.txt", false, 0), new("notes", true, null)],
            await rig.Client.Artifacts.ListAsync(rig.RunId));
        Assert.Equal([new("notes/ünï/résumé 模型 final.txt", false, Encoding.UTF8.GetByteCount("précis ✓"))], await rig.Client.Artifacts.ListAsync(rig.RunId, "notes/ünï"));
        Assert.Equal(binary, await DownloadAsync(rig, "data/blob.bin"));
        Assert.Empty(await DownloadAsync(rig, "empty.txt"));
        Assert.Equal("précis ✓", Encoding.UTF8.GetString(await DownloadAsync(rig, "notes/ünï/résumé 模型 final.txt")));

        var copy = await rig.Client.Artifacts.DownloadToDirectoryAsync(rig.RunId, null, temp.File("copy"));
        Assert.Equal(binary, File.ReadAllBytes(Path.Combine(copy, "data", "blob.bin")));
        Assert.Equal("précis ✓", File.ReadAllText(Path.Combine(copy, "notes", "ünï", "résumé 模型 final.txt")));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Traversal_is_refused_before_anything_is_sent_or_written(string backend)
    {
        using var temp = new TempDirectory();
        await using var rig = await Rig.StartAsync(backend, temp);
        File.WriteAllText(temp.File("x.txt"), "x");
        var sent = rig.Requests;

        foreach (var bad in new[] { "..", "../..", "a/../../b", "/abs", "C:/x", "a\\b" })
        {
            var error = await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => rig.Client.Artifacts.UploadAsync(rig.RunId, temp.File("x.txt"), bad));
            Assert.Contains(bad, error.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => rig.Client.Artifacts.UploadTextAsync(rig.RunId, "x", bad + "/y.txt"));
            await Assert.ThrowsAsync<MlflowInvalidParameterException>(() => rig.Client.Artifacts.ListAsync(rig.RunId, bad));
        }

        Assert.Equal(sent, rig.Requests);
        Assert.False(File.Exists(Path.Combine(temp.Path, "y.txt")));
        Assert.Empty(await rig.Client.Artifacts.ListAsync(rig.RunId));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_missing_local_file_or_directory_is_an_error_that_names_it_and_the_run_keeps_the_rest(string backend)
    {
        using var temp = new TempDirectory();
        await using var rig = await Rig.StartAsync(backend, temp);
        await rig.Client.Artifacts.UploadTextAsync(rig.RunId, "kept", "kept.txt");
        var missing = temp.File("no-such-model.json");

        var file = await Assert.ThrowsAsync<FileNotFoundException>(() => rig.Client.Artifacts.UploadAsync(rig.RunId, missing));
        var directory = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => rig.Client.Artifacts.UploadDirectoryAsync(rig.RunId, temp.File("no-such-dir")));
        var download = await Assert.ThrowsAsync<MlflowNotFoundException>(() => rig.Client.Artifacts.DownloadAsync(rig.RunId, "no-such.json", new MemoryStream()));

        Assert.Contains(missing, file.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-dir", directory.Message, StringComparison.Ordinal);
        Assert.Contains("no-such.json", download.Message, StringComparison.Ordinal);
        Assert.Equal([new("kept.txt", false, 4)], await rig.Client.Artifacts.ListAsync(rig.RunId));
        await rig.Client.Runs.LogMetricAsync(rig.RunId, "after", 1);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_directory_upload_does_not_follow_symlinks_out_of_it(string backend)
    {
        using var temp = new TempDirectory();
        await using var rig = await Rig.StartAsync(backend, temp);
        var outside = Directory.CreateDirectory(temp.File("outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "do not upload");
        var source = Directory.CreateDirectory(temp.File("model")).FullName;
        File.WriteAllText(Path.Combine(source, "weights.json"), "[1]");
        Directory.CreateDirectory(Path.Combine(source, "sub"));
        File.WriteAllText(Path.Combine(source, "sub", "inner.txt"), "inner");
        File.CreateSymbolicLink(Path.Combine(source, "leak.txt"), Path.Combine(outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(source, "leakdir"), outside);
        Directory.CreateSymbolicLink(Path.Combine(source, "loop"), source);
        File.CreateSymbolicLink(Path.Combine(source, "alias.txt"), Path.Combine(source, "sub", "inner.txt"));

        var uploaded = await rig.Client.Artifacts.UploadDirectoryAsync(rig.RunId, source, "model");

        Assert.Equal(["model/alias.txt", "model/sub/inner.txt", "model/weights.json"], uploaded);
        Assert.Equal("inner", Encoding.UTF8.GetString(await DownloadAsync(rig, "model/alias.txt")));
        Assert.Equal(["model/alias.txt", "model/sub", "model/weights.json"], (await rig.Client.Artifacts.ListAsync(rig.RunId, "model")).Select(e => e.Path));
    }

    [Fact]
    public async Task Other_schemes_fail_naming_the_scheme_until_a_repository_is_registered_for_it()
    {
        await using var store = new InMemoryMlflowStore();
        var experiment = await store.CreateExperimentAsync("remote", "s3://bucket/path", [], CancellationToken.None);
        var runId = (await store.CreateRunAsync(new CreateRunRequest { ExperimentId = experiment }, CancellationToken.None)).Info.RunId;
        var plain = new MlflowClient(store);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => plain.Artifacts.UploadTextAsync(runId, "x", "a.txt"));
        Assert.Contains("'s3'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ArtifactRepositories.Register", error.Message, StringComparison.Ordinal);

        var options = new MlflowOptions();
        var opened = new List<string>();
        using var temp = new TempDirectory();
        options.ArtifactRepositories.Register("s3", uri =>
        {
            opened.Add(uri);
            return new LocalArtifactRepository(temp.Path);
        });
        var registered = new MlflowClient(store, options.ArtifactRepositories);
        await registered.Artifacts.UploadTextAsync(runId, "x", "a.txt");

        Assert.Equal(["s3://bucket/path/" + runId + "/artifacts"], opened);
        Assert.Equal("x", File.ReadAllText(Path.Combine(temp.Path, "a.txt")));
    }

    private static async Task<byte[]> DownloadAsync(Rig rig, string path)
    {
        using var buffer = new MemoryStream();
        await rig.Client.Artifacts.DownloadAsync(rig.RunId, path, buffer);
        return buffer.ToArray();
    }

    /// <summary>A client and a run over one backend.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly LoopbackMlflowServer? _server;

        private Rig(MlflowClient client, string runId, LoopbackMlflowServer? server)
        {
            Client = client;
            RunId = runId;
            _server = server;
        }

        public MlflowClient Client { get; }

        public string RunId { get; }

        /// <summary>How many requests reached the server (0 for local backends).</summary>
        public long Requests => _server?.RequestCount ?? 0;

        public static async Task<Rig> StartAsync(string backend, TempDirectory temp)
        {
            LoopbackMlflowServer? server = null;
            MlflowClient client;
            switch (backend)
            {
                case "proxy":
                    server = await LoopbackMlflowServer.StartAsync();
                    client = RestTestClients.Client(server.BaseUri);
                    break;
                case "sqlite":
                    client = new MlflowClient(new MlflowOptions { TrackingUri = "sqlite:///" + temp.File("mlflow.db") });
                    break;
                default:
                    client = new MlflowClient(new InMemoryMlflowStore());
                    break;
            }

            var run = await client.Runs.CreateAsync("0", "edge");
            return new Rig(client, run.Info.RunId, server);
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
