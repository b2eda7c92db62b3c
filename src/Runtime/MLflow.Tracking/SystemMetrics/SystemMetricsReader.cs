using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.NetworkInformation;

namespace MLflow.Tracking.SystemMetrics;

/// <summary>
/// Reads one sample of the machine's CPU, memory, disk and network figures, named as MLflow's monitors name them.
/// Linux: <c>/proc/stat</c> and <c>/proc/meminfo</c> (as psutil). Elsewhere: the process's CPU time over all cores
/// stands in for the machine's, and memory is left out (no portable .NET API reads the machine's). Disk
/// (<see cref="DriveInfo"/> of the root) and network (<see cref="NetworkInterface"/> counters, all interfaces, as
/// psutil sums them) everywhere. A figure that cannot be read is left out; reading never throws.
/// </summary>
internal sealed class SystemMetricsReader
{
    private const double Megabyte = 1e6;

    private readonly Func<string, string?> _readFile;
    private readonly string _diskRoot;
    private (ulong Busy, ulong Total)? _lastCpu;
    private (TimeSpan Cpu, long Ticks)? _lastProcessCpu;
    private (long Received, long Sent)? _networkStart;

    public SystemMetricsReader()
        : this(ReadProcFile, Path.GetPathRoot(Environment.CurrentDirectory) ?? "/")
    {
    }

    internal SystemMetricsReader(Func<string, string?> readFile, string diskRoot)
    {
        _readFile = readFile;
        _diskRoot = diskRoot;
    }

    /// <summary>Takes the starting points: CPU counters (so that the first sample is a real percentage) and network totals.</summary>
    public void Start()
    {
        _lastCpu = ReadCpuTimes();
        _lastProcessCpu = ReadProcessCpu();
        _networkStart = ReadNetwork();
    }

    public Dictionary<string, double> Sample()
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        SampleCpu(values);
        SampleMemory(values);
        SampleDisk(values);
        SampleNetwork(values);
        return values;
    }

    private void SampleCpu(Dictionary<string, double> values)
    {
        if (ReadCpuTimes() is { } now)
        {
            if (_lastCpu is { } last && now.Total > last.Total)
            {
                values[SystemMetricNames.CpuUtilizationPercentage] = Math.Clamp((double)(now.Busy - last.Busy) / (now.Total - last.Total) * 100, 0, 100);
            }

            _lastCpu = now;
            return;
        }

        if (ReadProcessCpu() is { } process)
        {
            if (_lastProcessCpu is { } last && process.Ticks > last.Ticks)
            {
                var wall = Stopwatch.GetElapsedTime(last.Ticks, process.Ticks).TotalSeconds * Environment.ProcessorCount;
                values[SystemMetricNames.CpuUtilizationPercentage] = Math.Clamp((process.Cpu - last.Cpu).TotalSeconds / wall * 100, 0, 100);
            }

            _lastProcessCpu = process;
        }
    }

    private void SampleMemory(Dictionary<string, double> values)
    {
        if (_readFile("/proc/meminfo") is { } meminfo && LinuxProcReaders.ParseMemory(meminfo) is { } memory)
        {
            values[SystemMetricNames.SystemMemoryUsageMegabytes] = memory.UsedBytes / Megabyte;
            values[SystemMetricNames.SystemMemoryUsagePercentage] = memory.Percent;
        }
    }

    private void SampleDisk(Dictionary<string, double> values)
    {
        try
        {
            // psutil's disk_usage("/"): used = total − free (all blocks), available = what a user may still write.
            var drive = new DriveInfo(_diskRoot);
            var used = (double)(drive.TotalSize - drive.TotalFreeSpace);
            var available = (double)drive.AvailableFreeSpace;
            values[SystemMetricNames.DiskUsagePercentage] = used + available > 0 ? used / (used + available) * 100 : 0;
            values[SystemMetricNames.DiskUsageMegabytes] = used / Megabyte;
            values[SystemMetricNames.DiskAvailableMegabytes] = available / Megabyte;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // No disk figures on this machine.
        }
    }

    private void SampleNetwork(Dictionary<string, double> values)
    {
        if (_networkStart is { } start && ReadNetwork() is { } now)
        {
            values[SystemMetricNames.NetworkReceiveMegabytes] = Math.Max(0, now.Received - start.Received) / Megabyte;
            values[SystemMetricNames.NetworkTransmitMegabytes] = Math.Max(0, now.Sent - start.Sent) / Megabyte;
        }
    }

    private (ulong Busy, ulong Total)? ReadCpuTimes() =>
        _readFile("/proc/stat") is { } stat ? LinuxProcReaders.ParseCpuTimes(stat) : null;

    private static (TimeSpan Cpu, long Ticks)? ReadProcessCpu()
    {
        try
        {
            using var process = Process.GetCurrentProcess();
            return (process.TotalProcessorTime, Stopwatch.GetTimestamp());
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    private static (long Received, long Sent)? ReadNetwork()
    {
        try
        {
            long received = 0, sent = 0;
            foreach (var network in NetworkInterface.GetAllNetworkInterfaces())
            {
                var statistics = network.GetIPStatistics();
                received += statistics.BytesReceived;
                sent += statistics.BytesSent;
            }

            return (received, sent);
        }
        catch (Exception e) when (e is NetworkInformationException or PlatformNotSupportedException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadProcFile(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
