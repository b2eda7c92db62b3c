using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MLflow.Tracking;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Benchmarks;

/// <summary>
/// Upload throughput of <c>client.Artifacts.UploadAsync</c> (path checks, repository lookup, the REST store's
/// retry handler, StreamContent over a FileStream) against a bare <see cref="HttpClient"/> PUT of the same file to
/// the same proxy URL. The <see cref="LoopbackMlflowServer"/> drains artifact bodies without writing them, so both
/// measure the client side over loopback. 64 MB file (sparse, in the temp folder).
/// Run: <c>dotnet run -c Release --project benchmarks/MLflow.Tracking.Benchmarks -- --filter *ArtifactUpload*</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 8)]
public class ArtifactUploadBenchmarks
{
    private const long FileSize = 64L * 1024 * 1024;

    private LoopbackMlflowServer? _server;
    private MlflowClient? _client;
    private HttpClient? _raw;
    private string _file = string.Empty;
    private string _runId = string.Empty;
    private Uri? _putUri;

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), "mlflow-upload-bench-" + Guid.NewGuid().ToString("N") + ".bin");
        using (var stream = new FileStream(_file, FileMode.CreateNew))
        {
            stream.SetLength(FileSize);
        }

        _server = LoopbackMlflowServer.StartAsync().GetAwaiter().GetResult();
        _server.Faults = async (request, context) =>
        {
            if (request.Method != "PUT" || !request.Path.StartsWith("/api/2.0/mlflow-artifacts/", StringComparison.Ordinal))
            {
                return false;
            }

            await context.Request.Body.CopyToAsync(Stream.Null).ConfigureAwait(false);
            await LoopbackServer.RespondAsync(context, 200, "application/json", "{}").ConfigureAwait(false);
            return true;
        };
        _client = new MlflowClient(new MlflowOptions { TrackingUri = _server.BaseUri.AbsoluteUri, RequestTimeout = TimeSpan.FromSeconds(120) });
        _runId = _client.Runs.CreateAsync("0", "upload-bench").GetAwaiter().GetResult().Info.RunId;
        _client.Artifacts.UploadTextAsync(_runId, "warm-up", "warm-up.txt").GetAwaiter().GetResult();
        _putUri = new Uri(_server.BaseUri, "api/2.0/mlflow-artifacts/artifacts/0/" + _runId + "/artifacts/raw/" + Path.GetFileName(_file));
        _raw = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw!.Dispose();
        _client!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        File.Delete(_file);
    }

    /// <summary>A bare HttpClient PUT of the file: the floor.</summary>
    [Benchmark(Baseline = true)]
    public async Task RawHttpClientPut()
    {
        var stream = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            using var content = new StreamContent(stream, 81920);
            using var response = await _raw!.PutAsync(_putUri, content).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary><c>client.Artifacts.UploadAsync</c> of the same file.</summary>
    [Benchmark]
    public Task ClientUpload() => _client!.Artifacts.UploadAsync(_runId, _file, "client");
}
