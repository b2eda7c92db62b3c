using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Artifacts;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking.Stores;

/// <summary>
/// A place MLflow runs live: a tracking server over REST, MLflow's SQLite file, or an in-memory fake. The store
/// keeps MLflow's semantics; <see cref="MlflowClient"/> above it validates keys, splits batches and fills in times,
/// so a store receives only requests that already fit MLflow's limits.
/// </summary>
/// <remarks>
/// <para>Every member may throw <see cref="MlflowException"/> or one of its subtypes.</para>
/// <para>
/// An abstract class rather than an interface so that it can grow: the operations every store has had from the
/// start are abstract; every operation added later (datasets, artifact serving, and the endpoints still to come) is
/// virtual, and its default either declines (<see cref="TryOpenArtifactRepository"/> returns null) or throws a
/// <see cref="NotSupportedException"/> naming the operation and the store. A store written against an older version
/// keeps compiling and running; it only lacks the newer operations. What a store is (single writer, durable) is
/// reported by <see cref="Capabilities"/>.
/// </para>
/// </remarks>
public abstract class MlflowStore : IAsyncDisposable
{
    /// <summary>For derived stores.</summary>
    protected MlflowStore()
    {
    }

    /// <summary>Where the store is, for logs and health checks (never with credentials).</summary>
    public abstract string Description { get; }

    /// <summary>What the store can do (single writer, durable); none unless a store says so.</summary>
    public virtual MlflowStoreCapabilities Capabilities => MlflowStoreCapabilities.None;

    /// <summary>Checks that the store answers, returning what it is (for example the server version).</summary>
    public abstract Task<string> PingAsync(CancellationToken cancellationToken);

    /// <summary>Creates an experiment and returns its id.</summary>
    public abstract Task<string> CreateExperimentAsync(string name, string? artifactLocation, IReadOnlyList<Tag> tags, CancellationToken cancellationToken);

    /// <summary>Gets an experiment by id (deleted ones too). Throws <see cref="MlflowNotFoundException"/>.</summary>
    public abstract Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary>Gets an experiment by name (deleted ones too). Throws <see cref="MlflowNotFoundException"/>.</summary>
    public abstract Task<Experiment> GetExperimentByNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>Searches experiments; one page.</summary>
    public abstract Task<Page<Experiment>> SearchExperimentsAsync(ExperimentSearchRequest request, CancellationToken cancellationToken);

    /// <summary>Renames an experiment.</summary>
    public abstract Task UpdateExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken);

    /// <summary>Marks an experiment (and its runs) deleted.</summary>
    public abstract Task DeleteExperimentAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary>Restores a deleted experiment.</summary>
    public abstract Task RestoreExperimentAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary>Sets an experiment tag.</summary>
    public abstract Task SetExperimentTagAsync(string experimentId, string key, string value, CancellationToken cancellationToken);

    /// <summary>Deletes an experiment tag.</summary>
    public abstract Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken cancellationToken);

    /// <summary>Creates a run (status RUNNING).</summary>
    public abstract Task<Run> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken);

    /// <summary>Gets a run with its latest metrics, params and tags. Throws <see cref="MlflowNotFoundException"/>.</summary>
    public abstract Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Updates a run's status, end time and/or name; null leaves a field unchanged.</summary>
    public abstract Task<RunInfo> UpdateRunAsync(string runId, RunStatus? status, DateTimeOffset? endTime, string? runName, CancellationToken cancellationToken);

    /// <summary>Marks a run deleted.</summary>
    public abstract Task DeleteRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Restores a deleted run.</summary>
    public abstract Task RestoreRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Logs one metric point.</summary>
    public abstract Task LogMetricAsync(string runId, Metric metric, CancellationToken cancellationToken);

    /// <summary>Logs a param (the same value again is fine; a different value is an error).</summary>
    public abstract Task LogParamAsync(string runId, Param param, CancellationToken cancellationToken);

    /// <summary>Sets a run tag (overwriting).</summary>
    public abstract Task SetTagAsync(string runId, Tag tag, CancellationToken cancellationToken);

    /// <summary>Deletes a run tag. Throws <see cref="MlflowNotFoundException"/> when the key is not set.</summary>
    public abstract Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken);

    /// <summary>Logs metrics, params and tags in one request (already within MLflow's batch limits).</summary>
    public abstract Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<Tag> tags, CancellationToken cancellationToken);

    /// <summary>Searches runs; one page.</summary>
    public abstract Task<Page<Run>> SearchRunsAsync(RunSearchRequest request, CancellationToken cancellationToken);

    /// <summary>One page of a metric's history (all points, in step then timestamp order).</summary>
    public abstract Task<Page<Metric>> GetMetricHistoryAsync(string runId, string metricKey, int maxResults, string? pageToken, CancellationToken cancellationToken);

    // Operations a store may lack, and every operation added from now on: virtual with a default, so that a store
    // written against an earlier version keeps compiling and running.

    /// <summary>
    /// Logs <paramref name="inputs"/> for the run (MLflow's <c>runs/log-inputs</c>): a dataset is stored once per
    /// experiment (by name and digest), and logging the same dataset to the same run again adds nothing (its first
    /// input tags stay), as in MLflow.
    /// </summary>
    /// <exception cref="MlflowNotFoundException">The run does not exist.</exception>
    /// <exception cref="NotSupportedException">The store does not record dataset inputs (the default).</exception>
    public virtual Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken) =>
        throw NotSupported(nameof(LogInputsAsync), "record dataset inputs");

    /// <summary>
    /// Opens the artifact repository for <paramref name="artifactUri"/> when this store serves that URI itself (the
    /// REST store serves <c>mlflow-artifacts:</c> URIs through its server's proxy, the in-memory fake its
    /// <c>memory://</c> URIs); null otherwise, the default, and the client then tries registered repositories and the
    /// file system.
    /// </summary>
    /// <param name="artifactUri">A run's artifact root.</param>
    public virtual IArtifactRepository? TryOpenArtifactRepository(string artifactUri) => null;

    /// <summary>Releases the store's connections and handles.</summary>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the store's resources; the default has none.</summary>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;

    private NotSupportedException NotSupported(string operation, string what) =>
        new($"The store {Description} ({GetType().Name}) does not {what}: it does not override MlflowStore.{operation}.");
}
