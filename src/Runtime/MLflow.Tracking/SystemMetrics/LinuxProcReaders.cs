using System;
using System.Globalization;

namespace MLflow.Tracking.SystemMetrics;

/// <summary>Parses Linux's <c>/proc/stat</c> and <c>/proc/meminfo</c> the way psutil (which MLflow uses) reads them.</summary>
internal static class LinuxProcReaders
{
    /// <summary>CPU time counters of the first <c>cpu</c> line: (busy, total), in clock ticks.</summary>
    /// <remarks>
    /// psutil's <c>cpu_percent</c>: total is user+nice+system+idle+iowait+irq+softirq+steal (guest time is already
    /// inside user and nice); idle time is idle+iowait; busy is the rest.
    /// </remarks>
    public static (ulong Busy, ulong Total)? ParseCpuTimes(string procStat)
    {
        foreach (var line in procStat.Split('\n'))
        {
            if (!line.StartsWith("cpu ", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var fields = new ulong[Math.Min(parts.Length - 1, 8)];
            for (var i = 0; i < fields.Length; i++)
            {
                if (!ulong.TryParse(parts[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out fields[i]))
                {
                    return null;
                }
            }

            if (fields.Length < 4)
            {
                return null;
            }

            ulong total = 0;
            foreach (var value in fields)
            {
                total += value;
            }

            var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
            return (total - idle, total);
        }

        return null;
    }

    /// <summary>
    /// psutil's <c>virtual_memory()</c>: used = total − free − buffers − cached (cached including SReclaimable), and
    /// percent = (total − available) / total × 100. Bytes.
    /// </summary>
    public static (double UsedBytes, double Percent)? ParseMemory(string procMeminfo)
    {
        double total = -1, free = -1, buffers = 0, cached = 0, reclaimable = 0, available = -1;
        foreach (var line in procMeminfo.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var name = line[..colon];
            var number = line[(colon + 1)..].Trim().Split(' ')[0];
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var kib))
            {
                continue;
            }

            var bytes = kib * 1024;
            switch (name)
            {
                case "MemTotal": total = bytes; break;
                case "MemFree": free = bytes; break;
                case "Buffers": buffers = bytes; break;
                case "Cached": cached = bytes; break;
                case "SReclaimable": reclaimable = bytes; break;
                case "MemAvailable": available = bytes; break;
            }
        }

        if (total <= 0 || free < 0)
        {
            return null;
        }

        var used = total - free - buffers - cached - reclaimable;
        if (used < 0)
        {
            used = total - free;
        }

        var avail = available >= 0 ? available : free + buffers + cached;
        return (used, (total - avail) / total * 100);
    }
}
