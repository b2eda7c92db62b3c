using System;
using System.Globalization;
using System.Text;
using MLflow.Tracking.Artifacts;
using MLflow.Tracking.SystemMetrics;

namespace MLflow.Tracking;

/// <summary>
/// Where and how MLflow.Tracking talks to MLflow. Bind it from the <c>MLflow</c> configuration section, build it
/// from MLflow's own environment variables with <see cref="FromEnvironment()"/>, or set it in code.
/// </summary>
public sealed class MlflowOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "MLflow";

    /// <summary>The tracking URI used when none is set: MLflow 3.7+'s own default.</summary>
    public const string DefaultTrackingUri = "sqlite:///mlflow.db";

    /// <summary>
    /// <c>sqlite:///relative.db</c>, <c>sqlite:////absolute.db</c>, <c>http://host:5000</c> or <c>https://…</c>
    /// (<c>MLFLOW_TRACKING_URI</c>). Null means <see cref="DefaultTrackingUri"/> in the current directory.
    /// </summary>
    public string? TrackingUri { get; set; }

    /// <summary>A Bearer token for the tracking server (<c>MLFLOW_TRACKING_TOKEN</c>). Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>The Basic-auth user (<c>MLFLOW_TRACKING_USERNAME</c>); with a password it wins over <see cref="Token"/>, as in MLflow.</summary>
    public string? Username { get; set; }

    /// <summary>The Basic-auth password (<c>MLFLOW_TRACKING_PASSWORD</c>). Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Skip TLS certificate verification (<c>MLFLOW_TRACKING_INSECURE_TLS</c>). Off by default; for test servers only.</summary>
    public bool InsecureTls { get; set; }

    /// <summary>A PEM or DER CA certificate that signs the server's certificate (<c>MLFLOW_TRACKING_SERVER_CERT_PATH</c>).</summary>
    public string? ServerCertPath { get; set; }

    /// <summary>The timeout of one HTTP attempt (<c>MLFLOW_HTTP_REQUEST_TIMEOUT</c>, seconds; 120 s by default).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>How often a failed request is retried (<c>MLFLOW_HTTP_REQUEST_MAX_RETRIES</c>; 7 by default).</summary>
    public int MaxRetries { get; set; } = 7;

    /// <summary>The exponential backoff factor in seconds (<c>MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR</c>; 2 by default).</summary>
    public double BackoffFactor { get; set; } = 2;

    /// <summary>The random jitter added to each backoff, in seconds (<c>MLFLOW_HTTP_REQUEST_BACKOFF_JITTER</c>; 1.0 by default).</summary>
    public double BackoffJitter { get; set; } = 1.0;

    /// <summary>The experiment used by tracked runs that name none (<c>MLFLOW_EXPERIMENT_NAME</c>).</summary>
    public string? ExperimentName { get; set; }

    /// <summary>The experiment id used by tracked runs that name none (<c>MLFLOW_EXPERIMENT_ID</c>); wins over the name.</summary>
    public string? ExperimentId { get; set; }

    /// <summary>An existing run that top-level tracked calls log into instead of starting their own (<c>MLFLOW_RUN_ID</c>).</summary>
    public string? RunId { get; set; }

    /// <summary>Whether tracked methods create runs at all. When false they only call their body.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Deliver every run operation before the tracked call returns, instead of in the background. Slower, but nothing
    /// is queued in memory; failures are still logged, never thrown into the call. One call waits at most
    /// <see cref="FlushTimeout"/>; while the store is unreachable calls do not wait at all (their data is spooled).
    /// </summary>
    public bool Synchronous { get; set; }

    /// <summary>
    /// The one deadline that <c>FlushAsync</c>, <c>Dispose</c>, host shutdown and process exit (or a crash) share for
    /// queued run data; what has not reached the store by then is written to the spool (<see cref="SpoolDirectory"/>).
    /// In <see cref="Synchronous"/> mode, also the longest one tracking call waits.
    /// </summary>
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The root folder of the durable local spool; each store gets a subfolder named by a hash of its address (never
    /// containing credentials). Null means <c>MLflow.Tracking/spool</c> under the user's local application data
    /// (<c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on Windows, <c>~/Library/Application Support</c> on macOS).
    /// </summary>
    public string? SpoolDirectory { get; set; }

    /// <summary>
    /// The most bytes one store's spool may take (100 MB by default, about a million metric points); runs that do not
    /// fit are dropped whole, counted and logged. 0 switches spooling off: undeliverable data then stays in memory
    /// until the process ends.
    /// </summary>
    public long MaxSpoolSize { get; set; } = 100L * 1024 * 1024;

    /// <summary>The longest the background pipeline keeps run data before sending it (it sends sooner when a batch fills).</summary>
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How many operations may wait in memory before the pipeline moves whole ended runs to the spool (the store is
    /// slower than the callers, or unreachable). Nothing is dropped at this bound: a run still open keeps queueing in
    /// memory while the store takes its data.
    /// </summary>
    public int MaxQueueLength { get; set; } = 100_000;

    /// <summary>
    /// How many runs the background pipeline delivers at once to a tracking server. Each run's own operations stay in
    /// order; a nested run is created only after its parent. The SQLite store has one writer, so it always delivers one
    /// run at a time.
    /// </summary>
    public int DeliveryConcurrency { get; set; } = 4;

    /// <summary>
    /// When no <c>ILoggerFactory</c> is given: write warnings and errors (server unreachable, tracking disabled by a
    /// malformed URI, refused keys, dropped or spooled data) to standard error, each cause once per process, as
    /// MLflow's Python client does (<c>MLFLOW_TRACKING_LOG_TO_STDERR</c>; true by default). With a logger factory of
    /// your own, nothing is written to standard error either way.
    /// </summary>
    public bool LogToStandardError { get; set; } = true;

    /// <summary>
    /// Artifact repositories for URI schemes this library does not implement (<c>s3</c>, <c>gs</c>, <c>wasbs</c>,
    /// <c>dbfs</c>…), by scheme: <c>options.ArtifactRepositories.Register("s3", uri =&gt; new MyS3Repository(uri))</c>.
    /// Not bound from configuration; shared by clones of these options.
    /// </summary>
    public ArtifactRepositoryRegistry ArtifactRepositories { get; set; } = new();

    /// <summary>
    /// System metrics (CPU, memory, disk, network under <c>system/…</c>): off unless enabled here, by
    /// <c>MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING</c> or per tracked run.
    /// </summary>
    public SystemMetricsOptions SystemMetrics { get; set; } = new();

    /// <summary>The options MLflow's own environment variables describe, over the defaults.</summary>
    public static MlflowOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>The options that <paramref name="getVariable"/> describes, over the defaults (for tests and custom sources).</summary>
    /// <param name="getVariable">Returns an environment variable's value or null.</param>
    /// <exception cref="ArgumentException">A variable has a value of the wrong form; the message names it.</exception>
    public static MlflowOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var options = new MlflowOptions();
        options.ApplyEnvironment(getVariable);
        return options;
    }

    /// <summary>Overwrites each option whose MLflow environment variable is set.</summary>
    /// <param name="getVariable">Returns an environment variable's value or null.</param>
    public void ApplyEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        string? Get(string name)
        {
            var value = getVariable(name);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        TrackingUri = Get("MLFLOW_TRACKING_URI") ?? TrackingUri;
        Token = Get("MLFLOW_TRACKING_TOKEN") ?? Token;
        Username = Get("MLFLOW_TRACKING_USERNAME") ?? Username;
        Password = Get("MLFLOW_TRACKING_PASSWORD") ?? Password;
        ServerCertPath = Get("MLFLOW_TRACKING_SERVER_CERT_PATH") ?? ServerCertPath;
        ExperimentName = Get("MLFLOW_EXPERIMENT_NAME") ?? ExperimentName;
        ExperimentId = Get("MLFLOW_EXPERIMENT_ID") ?? ExperimentId;
        RunId = Get("MLFLOW_RUN_ID") ?? RunId;
        if (Get("MLFLOW_TRACKING_INSECURE_TLS") is { } insecure)
        {
            InsecureTls = ParseBool("MLFLOW_TRACKING_INSECURE_TLS", insecure);
        }

        if (Get("MLFLOW_TRACKING_LOG_TO_STDERR") is { } logToStandardError)
        {
            LogToStandardError = ParseBool("MLFLOW_TRACKING_LOG_TO_STDERR", logToStandardError);
        }

        if (Get("MLFLOW_HTTP_REQUEST_TIMEOUT") is { } timeout)
        {
            RequestTimeout = TimeSpan.FromSeconds(ParseDouble("MLFLOW_HTTP_REQUEST_TIMEOUT", timeout, min: 0.001));
        }

        if (Get("MLFLOW_HTTP_REQUEST_MAX_RETRIES") is { } retries)
        {
            MaxRetries = (int)ParseDouble("MLFLOW_HTTP_REQUEST_MAX_RETRIES", retries, min: 0, integer: true);
        }

        if (Get("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR") is { } factor)
        {
            BackoffFactor = ParseDouble("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", factor, min: 0);
        }

        if (Get("MLFLOW_HTTP_REQUEST_BACKOFF_JITTER") is { } jitter)
        {
            BackoffJitter = ParseDouble("MLFLOW_HTTP_REQUEST_BACKOFF_JITTER", jitter, min: 0);
        }

        SystemMetrics.ApplyEnvironment(getVariable);
    }

    /// <summary>A copy of these options.</summary>
    public MlflowOptions Clone()
    {
        var copy = (MlflowOptions)MemberwiseClone();
        copy.SystemMetrics = SystemMetrics.Clone();
        return copy;
    }

    /// <summary>The options with credentials replaced by <c>***</c>, safe for logs.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("MlflowOptions { ");
        text.Append("TrackingUri = ").Append(TrackingUri ?? DefaultTrackingUri);
        text.Append(", Auth = ").Append(Username is not null && Password is not null ? "Basic ***" : Token is not null ? "Bearer ***" : "none");
        text.Append(", InsecureTls = ").Append(InsecureTls ? "true" : "false");
        text.Append(", RequestTimeout = ").Append(RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)).Append(" s");
        text.Append(", MaxRetries = ").Append(MaxRetries.ToString(CultureInfo.InvariantCulture));
        text.Append(", Enabled = ").Append(Enabled ? "true" : "false");
        text.Append(" }");
        return text.ToString();
    }

    private static bool ParseBool(string name, string value) => value.ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" or "ON" => true,
        "FALSE" or "0" or "NO" or "OFF" => false,
        _ => throw new ArgumentException($"Environment variable {name} must be true or false, but is '{value}'.", nameof(value)),
    };

    private static double ParseDouble(string name, string value, double min, bool integer = false)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number) || double.IsInfinity(number))
        {
            throw new ArgumentException($"Environment variable {name} must be a number, but is '{value}'.", nameof(value));
        }

        if (number < min || (integer && number != Math.Floor(number)))
        {
            var rule = integer ? $"a whole number of at least {min.ToString(CultureInfo.InvariantCulture)}" : $"at least {min.ToString(CultureInfo.InvariantCulture)}";
            throw new ArgumentException($"Environment variable {name} must be {rule}, but is '{value}'.", nameof(value));
        }

        return number;
    }
}
