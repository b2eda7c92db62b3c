namespace MLflow.Tracking.SystemMetrics;

/// <summary>MLflow's system metric names (after the <c>system/</c> prefix), as its CPU, disk and network monitors log them.</summary>
public static class SystemMetricNames
{
    /// <summary>CPU use of the whole machine since the previous sample, in percent.</summary>
    public const string CpuUtilizationPercentage = "cpu_utilization_percentage";

    /// <summary>Used memory of the machine, in megabytes (10^6 bytes).</summary>
    public const string SystemMemoryUsageMegabytes = "system_memory_usage_megabytes";

    /// <summary>Memory not available to new processes, in percent of the total.</summary>
    public const string SystemMemoryUsagePercentage = "system_memory_usage_percentage";

    /// <summary>Used space of the root file system, in percent.</summary>
    public const string DiskUsagePercentage = "disk_usage_percentage";

    /// <summary>Used space of the root file system, in megabytes.</summary>
    public const string DiskUsageMegabytes = "disk_usage_megabytes";

    /// <summary>Space of the root file system available to the user, in megabytes.</summary>
    public const string DiskAvailableMegabytes = "disk_available_megabytes";

    /// <summary>Bytes received by all network interfaces since sampling started, in megabytes.</summary>
    public const string NetworkReceiveMegabytes = "network_receive_megabytes";

    /// <summary>Bytes sent by all network interfaces since sampling started, in megabytes.</summary>
    public const string NetworkTransmitMegabytes = "network_transmit_megabytes";
}
