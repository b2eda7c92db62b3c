using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.TestSupport;
using MLflow.Tracking.Tests.Rest;
using MLflow.Tracking.Tests.TestSupport;
using Xunit.Abstractions;

namespace MLflow.Tracking.Tests.Artifacts;

/// <summary>Runs alone: it measures the whole process's allocations and working set.</summary>
[CollectionDefinition(nameof(MemoryMeasurementCollection), DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
}

/// <summary>
/// A 200 MB artifact goes through the loopback server's proxy with flat memory: the upload streams from the file
/// (StreamContent over a FileStream) and the server streams it to disk, so neither side ever holds the file.
/// </summary>
[Collection(nameof(MemoryMeasurementCollection))]
public sealed class LargeUploadMemoryTests
{
    private const long FileSize = 200L * 1024 * 1024;

    private readonly ITestOutputHelper _output;

    public LargeUploadMemoryTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_200_MB_upload_allocates_and_grows_the_working_set_by_a_small_fraction_of_its_size()
    {
        using var temp = new TempDirectory();
        var file = temp.File("large.bin");
        using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
        {
            // Sparse and instant; a few non-zero bytes so that the copy is checked end to end.
            stream.SetLength(FileSize);
            stream.Position = FileSize - 4;
            stream.Write([1, 2, 3, 4]);
        }

        await using var server = await LoopbackMlflowServer.StartAsync();
        await using var client = RestTestClients.Client(RestTestClients.Options(server.BaseUri, requestTimeoutSeconds: 120));
        var run = await client.Runs.CreateAsync("0", "large");
        await client.Artifacts.UploadTextAsync(run.Info.RunId, "warm-up", "warm-up.txt");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = workingSetBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(10).ConfigureAwait(false);
            }
        });

        await client.Artifacts.UploadAsync(run.Info.RunId, file, "model");

        await sampling.CancelAsync();
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var growth = peak - workingSetBefore;
        _output.WriteLine($"200 MB upload: {allocated / 1024.0 / 1024:0.0} MB allocated, peak working set +{growth / 1024.0 / 1024:0.0} MB");

        var stored = Path.Combine(server.ArtifactsDirectory, "0", run.Info.RunId, "artifacts", "model", "large.bin");
        Assert.Equal(FileSize, new FileInfo(stored).Length);
        Assert.Equal(FileSize + "warm-up".Length, server.ArtifactBytesReceived);
        using (var check = File.OpenRead(stored))
        {
            check.Position = FileSize - 4;
            var tail = new byte[4];
            check.ReadExactly(tail);
            Assert.Equal(new byte[] { 1, 2, 3, 4 }, tail);
        }

        // Whole-file buffering on either side would allocate, and grow the working set by, at least 200 MB.
        Assert.True(allocated < FileSize / 10, $"allocated {allocated / 1024 / 1024} MB during a {FileSize / 1024 / 1024} MB upload");
        Assert.True(growth < FileSize / 4, $"working set grew by {growth / 1024 / 1024} MB (peak) during a {FileSize / 1024 / 1024} MB upload");
    }
}
