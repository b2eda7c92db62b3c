using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Tests.Logging;

/// <summary>
/// What a user's program with no logger prints to standard error, seen from outside: the StderrProbe console app
/// runs as a real child process (<c>dotnet MLflow.Tracking.StderrProbe.dll</c>) and its streams are read.
/// </summary>
public sealed partial class StandardErrorProcessTests
{
    [Fact]
    public async Task An_unreachable_server_is_reported_once_per_cause_without_credentials()
    {
        var port = ClosedPort();
        var result = await RunProbeAsync(UnreachableServer(port), "--flush-timeout", "1", "--wait-for-failure");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("tracked call returned 1", result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches("delivery failures: [1-9]", result.StandardOutput);
        var messages = MessageLines(result.StandardError);
        Assert.Contains(messages, line => line.Contains("WARNING MLflow.Tracking.BackgroundRunTracker:", StringComparison.Ordinal) && line.Contains($"127.0.0.1:{port}", StringComparison.Ordinal));

        // Two retries per request and several requests would each warn; the retry warning is one cause.
        Assert.Single(messages, line => line.Contains("; retry ", StringComparison.Ordinal));
        Assert.Equal(messages.Count, messages.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain("s3cret", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_tracking_uri_is_printed_once_and_the_tracked_call_still_runs()
    {
        var environment = new Dictionary<string, string> { ["MLFLOW_TRACKING_URI"] = "htp://alice:s3cret@127.0.0.1:5000" };
        var result = await RunProbeAsync(environment);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("tracked call returned 1", result.StandardOutput, StringComparison.Ordinal);
        var error = Assert.Single(MessageLines(result.StandardError));
        Assert.Matches(@"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d ERROR MLflow\.Tracking\.BackgroundRunTracker: MLflow tracking is disabled: Tracking URI 'htp://\*\*\*@127\.0\.0\.1:5000' is not supported\. Use sqlite:///mlflow\.db", error);
        Assert.DoesNotContain("s3cret", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("0")]
    public async Task MLFLOW_TRACKING_LOG_TO_STDERR_false_keeps_standard_error_empty(string value)
    {
        var environment = UnreachableServer(ClosedPort());
        environment["MLFLOW_TRACKING_LOG_TO_STDERR"] = value;
        var result = await RunProbeAsync(environment, "--flush-timeout", "1", "--wait-for-failure");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("done", result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches("delivery failures: [1-9]", result.StandardOutput);
        Assert.Equal(string.Empty, result.StandardError);
    }

    private sealed record ProbeResult(int ExitCode, string StandardOutput, string StandardError);

    private static Dictionary<string, string> UnreachableServer(int port) => new()
    {
        ["MLFLOW_TRACKING_URI"] = $"http://alice:s3cret@127.0.0.1:{port}",
        ["MLFLOW_TRACKING_PASSWORD"] = "hunter2",
        ["MLFLOW_TRACKING_USERNAME"] = "alice",
        ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "2",
        ["MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR"] = "0",
        ["MLFLOW_HTTP_REQUEST_BACKOFF_JITTER"] = "0",
    };

    // A port nothing listens on: bound once by the OS, then released, so connecting is refused at once.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    // The timestamped lines; indented ones continue the message above (an exception, the one-time hint).
    private static List<string> MessageLines(string standardError) => standardError
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.TrimEnd('\r'))
        .Where(line => TimestampedLine().IsMatch(line))
        .ToList();

    [GeneratedRegex(@"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d [A-Z]+ ")]
    private static partial Regex TimestampedLine();

    private static async Task<ProbeResult> RunProbeAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        var probe = typeof(StandardErrorProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "StderrProbePath").Value!;
        Assert.True(File.Exists(probe), $"The probe app is not built at {probe}.");
        var workingDirectory = Directory.CreateTempSubdirectory("mlflow-stderr-probe-").FullName;
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(probe);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // The child sees only the MLflow settings each test gives it, never the test runner's own.
            foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MLFLOW_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(name);
            }

            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            var standardOutput = process.StandardOutput.ReadToEndAsync();
            var standardError = process.StandardError.ReadToEndAsync();
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The probe did not exit within 60 s. Standard error so far: {await standardError}");
            }

            return new ProbeResult(process.ExitCode, await standardOutput, await standardError);
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }
}
