using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Tasks;
using MLflow.Tracking.Artifacts;
using MLflow.Tracking.Stores;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking;

/// <summary>
/// The MLflow tracking client: experiments and runs over a tracking server (REST) or MLflow's own SQLite file.
/// Validates keys and values with MLflow's rules before anything is sent, splits batches to MLflow's limits and
/// always sends client-side timestamps.
/// </summary>
/// <example>
/// <code>
/// await using var client = new MlflowClient();                 // MLFLOW_TRACKING_URI, else sqlite:///mlflow.db
/// var experiment = await client.Experiments.GetOrCreateAsync("training");
/// var run = await client.CreateRunBuilder(experiment.ExperimentId).WithName("baseline").WithParam("lr", 0.01).StartAsync();
/// await client.Runs.LogMetricAsync(run.Info.RunId, "loss", 0.25, step: 1);
/// await client.Runs.SetTerminatedAsync(run.Info.RunId, RunStatus.Finished);
/// </code>
/// </example>
public sealed class MlflowClient : IAsyncDisposable, IDisposable
{
    private readonly bool _ownsStore;

    /// <summary>A client configured from MLflow's environment variables (<see cref="MlflowOptions.FromEnvironment()"/>).</summary>
    public MlflowClient()
        : this(MlflowOptions.FromEnvironment())
    {
    }

    /// <summary>A client for the store <paramref name="options"/> name.</summary>
    /// <param name="options">Where and how to reach MLflow.</param>
    /// <param name="loggerFactory">For warnings (truncation, retries); none when null.</param>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public MlflowClient(MlflowOptions options, ILoggerFactory? loggerFactory = null)
        : this(MlflowStoreFactory.Create(options, loggerFactory), Logging.DefaultLogging.Resolve(loggerFactory, options), ownsStore: true, options.ArtifactRepositories)
    {
    }

    /// <summary>A client over an existing store, which the caller keeps owning.</summary>
    /// <param name="store">The store.</param>
    /// <param name="loggerFactory">For warnings (truncation); none when null.</param>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public MlflowClient(MlflowStore store, ILoggerFactory? loggerFactory = null)
        : this(store, loggerFactory, ownsStore: false, null)
    {
    }

    /// <summary>A client over an existing store, which the caller keeps owning, with artifact repositories for more schemes.</summary>
    /// <param name="store">The store.</param>
    /// <param name="artifactRepositories">Repositories by URI scheme (see <see cref="MlflowOptions.ArtifactRepositories"/>).</param>
    /// <param name="loggerFactory">For warnings; none when null.</param>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public MlflowClient(MlflowStore store, ArtifactRepositoryRegistry artifactRepositories, ILoggerFactory? loggerFactory = null)
        : this(store, loggerFactory, ownsStore: false, artifactRepositories ?? throw new ArgumentNullException(nameof(artifactRepositories)))
    {
    }

    private MlflowClient(MlflowStore store, ILoggerFactory? loggerFactory, bool ownsStore, ArtifactRepositoryRegistry? artifactRepositories)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        _ownsStore = ownsStore;
        var logger = Logging.DefaultLogging.Resolve(loggerFactory, null).CreateLogger("MLflow.Tracking.MlflowClient");
        Experiments = new ExperimentsClient(store, logger);
        Runs = new RunsClient(store, logger);
        Artifacts = new ArtifactsClient(store, artifactRepositories ?? new ArtifactRepositoryRegistry(), logger);
    }

    /// <summary>The store underneath.</summary>
    public MlflowStore Store { get; }

    /// <summary>Experiments: create, get, search, update, delete, restore, tags.</summary>
    public ExperimentsClient Experiments { get; }

    /// <summary>Runs: create, log metrics/params/tags, batches, terminate, search, history.</summary>
    public RunsClient Runs { get; }

    /// <summary>Artifacts: upload files, directories, text and JSON; list; download; delete.</summary>
    public ArtifactsClient Artifacts { get; }

    /// <summary>Starts building an experiment: <c>client.CreateExperimentBuilder("name").WithTag("k", "v").CreateAsync()</c>.</summary>
    /// <param name="name">The experiment name.</param>
    public ExperimentBuilder CreateExperimentBuilder(string name) => new(Experiments, name);

    /// <summary>Starts building a run: <c>client.CreateRunBuilder(id).WithName("n").WithParam("lr", 0.1).StartAsync()</c>.</summary>
    /// <param name="experimentId">The experiment the run belongs to.</param>
    public RunBuilder CreateRunBuilder(string experimentId) => new(Runs, Artifacts, experimentId);

    /// <summary>Releases the store when this client opened it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsStore)
        {
            await Store.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Releases the store when this client opened it.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
