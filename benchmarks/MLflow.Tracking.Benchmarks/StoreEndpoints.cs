using System;
using System.IO;
using System.Threading.Tasks;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Benchmarks;

/// <summary>Tracking URIs and folders the delivery benchmarks share.</summary>
internal static class StoreEndpoints
{
    /// <summary>
    /// The address of a server that is down: a <see cref="LoopbackServer"/> is started for a free port and stopped
    /// again, so connecting is refused at once, as with a stopped MLflow server.
    /// </summary>
    public static async Task<string> StoppedServerUriAsync()
    {
        var server = await LoopbackServer.StartAsync(200, "application/json", "{}").ConfigureAwait(false);
        var uri = server.BaseUri.AbsoluteUri;
        await server.DisposeAsync().ConfigureAwait(false);
        return uri;
    }

    /// <summary>A new, empty folder under the temp directory.</summary>
    public static string NewTempFolder(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes a folder made by <see cref="NewTempFolder"/>; a leftover temp folder is not worth failing a benchmark for.</summary>
    public static void DeleteFolder(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
