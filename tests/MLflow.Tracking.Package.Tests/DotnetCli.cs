using System;
using System.Diagnostics;
using System.Linq;
using System.Text;

namespace MLflow.Tracking.Package.Tests;

/// <summary>Runs the dotnet CLI with a time limit and returns its exit code and combined output.</summary>
public static class DotnetCli
{
    /// <summary>The exit code, standard output and error interleaved as they came, and each stream on its own.</summary>
    public sealed record Result(int ExitCode, string Output)
    {
        public string StandardOutput { get; init; } = "";

        public string StandardError { get; init; } = "";

        public TimeSpan Duration { get; init; }
    }

    public static Result Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild-related variables from 'dotnet test'; a child build must find its own SDK.
        foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }

        // A consumer tracks where a user's fresh shell would (./mlflow.db), whatever the developer's shell exports.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MLFLOW_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        var standardOutput = new StringBuilder();
        var standardError = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); standardOutput.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); standardError.AppendLine(e.Data); } } };
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeout}.\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString())
            {
                StandardOutput = standardOutput.ToString(),
                StandardError = standardError.ToString(),
                Duration = stopwatch.Elapsed,
            };
        }
    }
}
