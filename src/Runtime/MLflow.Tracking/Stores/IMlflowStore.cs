using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Stores;

/// <summary>
/// A place MLflow runs live: a tracking server over REST, MLflow's SQLite file, or an in-memory fake. The store
/// keeps MLflow's semantics; <see cref="MlflowClient"/> above it validates keys, splits batches and fills in times,
/// so a store receives only requests that already fit MLflow's limits.
/// </summary>
/// <remarks>Every member may throw <see cref="MlflowException"/> or one of its subtypes.</remarks>
public interface IMlflowStore : IAsyncDisposable
{
    /// <summary>Where the store is, for logs and health checks (never with credentials).</summary>
    string Description { get; }

    /// <summary>What the store can do (single writer, durable); none unless a store says so.</summary>
    MlflowStoreCapabilities Capabilities => MlflowStoreCapabilities.None;

    /// <summary>Checks that the store answers, returning what it is (for example the server version).</summary>
    Task<string> PingAsync(CancellationToken cancellationToken);

    /// <summary>Creates an experiment and returns its id.</summary>
    Task<string> CreateExperimentAsync(string name, string? artifactLocation, IReadOnlyList<Tag> tags, CancellationToken cancellationToken);

    /// <summary>Gets an experiment by id (deleted ones too). Throws <see cref="MlflowNotFoundException"/>.</summary>
    Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary>Gets an experiment by name (deleted ones too). Throws <see cref="MlflowNotFoundException"/>.</summary>
    Task<Experiment> GetExperimentByNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>Searches experiments; one page.</summary>
    Task<Page<Experiment>> SearchExperimentsAsync(ExperimentSearchRequest request, CancellationToken cancellationToken);

    /// <summary>Renames an experiment.</summary>
    Task UpdateExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken);

    /// <summary>Marks an experiment (and its runs) deleted.</summary>
    Task DeleteExperimentAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary>Restores a deleted experiment.</summary>
    Task RestoreExperimentAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary>Sets an experiment tag.</summary>
    Task SetExperimentTagAsync(string experimentId, string key, string value, CancellationToken cancellationToken);

    /// <summary>Deletes an experiment tag.</summary>
    Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken cancellationToken);

    /// <summary>Creates a run (status RUNNING).</summary>
    Task<Run> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken);

    /// <summary>Gets a run with its latest metrics, params and tags. Throws <see cref="MlflowNotFoundException"/>.</summary>
    Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Updates a run's status, end time and/or name; null leaves a field unchanged.</summary>
    Task<RunInfo> UpdateRunAsync(string runId, RunStatus? status, DateTimeOffset? endTime, string? runName, CancellationToken cancellationToken);

    /// <summary>Marks a run deleted.</summary>
    Task DeleteRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Restores a deleted run.</summary>
    Task RestoreRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Logs one metric point.</summary>
    Task LogMetricAsync(string runId, Metric metric, CancellationToken cancellationToken);

    /// <summary>Logs a param (the same value again is fine; a different value is an error).</summary>
    Task LogParamAsync(string runId, Param param, CancellationToken cancellationToken);

    /// <summary>Sets a run tag (overwriting).</summary>
    Task SetTagAsync(string runId, Tag tag, CancellationToken cancellationToken);

    /// <summary>Deletes a run tag. Throws <see cref="MlflowNotFoundException"/> when the key is not set.</summary>
    Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken);

    /// <summary>Logs metrics, params and tags in one request (already within MLflow's batch limits).</summary>
    Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<Tag> tags, CancellationToken cancellationToken);

    /// <summary>Searches runs; one page.</summary>
    Task<Page<Run>> SearchRunsAsync(RunSearchRequest request, CancellationToken cancellationToken);

    /// <summary>One page of a metric's history (all points, in step then timestamp order).</summary>
    Task<Page<Metric>> GetMetricHistoryAsync(string runId, string metricKey, int maxResults, string? pageToken, CancellationToken cancellationToken);
}
