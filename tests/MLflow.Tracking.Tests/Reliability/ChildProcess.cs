using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Reliability;

/// <summary>A run of tests/MLflow.Tracking.ProcessHost as a real child process, with its output and wall time.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public TimeSpan WallTime { get; private set; }

    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(HostPath());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The child must not pick up the developer's MLflow settings.
        foreach (var name in new[] { "MLFLOW_TRACKING_URI", "MLFLOW_EXPERIMENT_NAME", "MLFLOW_EXPERIMENT_ID", "MLFLOW_RUN_ID" })
        {
            info.Environment.Remove(name);
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits (bounded) for the child to exit and records its wall time.</summary>
    public async Task<ChildProcess> WaitAsync(TimeSpan? limit = null)
    {
        await _process.WaitForExitAsync().WaitAsync(limit ?? Eventually.DefaultLimit);
        _process.WaitForExit(); // drains the redirected output
        WallTime = _clock.Elapsed;
        return this;
    }

    /// <summary>SIGKILL: no handler of the child runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Kills the child if it is still running (a failed test must not leave a burst behind), then releases it.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
    }

    private static string HostPath()
    {
        // tests/MLflow.Tracking.Tests/bin/<Configuration>/<tfm>/ → tests/MLflow.Tracking.ProcessHost/bin/<Configuration>/<tfm>/
        var baseDirectory = AppContext.BaseDirectory.Replace("MLflow.Tracking.Tests", "MLflow.Tracking.ProcessHost", StringComparison.Ordinal);
        var path = Path.Combine(baseDirectory, "MLflow.Tracking.ProcessHost.dll");
        Assert.True(File.Exists(path), "the child process app is not built: " + path);
        return path;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
