namespace MLflow.Tracking.Shared;

/// <summary>
/// MLflow's limits (<c>mlflow/utils/validation.py</c>, checked against the recorded MLflow 3.5 server in
/// <c>shared/mlflow-reference/transcripts/OBSERVED.md</c>). One copy, linked into the runtime, the test fake, the
/// generator, the analyzers and the DynamicProxy.
/// </summary>
internal static class MlflowLimits
{
    /// <summary>The longest metric, param or tag key (251 characters are refused).</summary>
    public const int MaxKeyLength = 250;

    /// <summary>The longest param value the server stores; longer values are truncated with HTTP 200.</summary>
    public const int MaxParamValueLength = 6000;

    /// <summary>The longest run tag value the server stores; longer values are truncated with HTTP 200.</summary>
    public const int MaxRunTagValueLength = 8000;

    /// <summary>The longest experiment tag value (longer ones are refused by set-experiment-tag).</summary>
    public const int MaxExperimentTagValueLength = 5000;

    /// <summary>The longest experiment name.</summary>
    public const int MaxExperimentNameLength = 500;

    /// <summary>The longest run name (it is stored as the <c>mlflow.runName</c> tag key's value and in <c>runs.name</c>).</summary>
    public const int MaxRunNameLength = 250;

    /// <summary>The largest page a search may ask for.</summary>
    public const int MaxSearchResults = 50_000;

    /// <summary>At most this many metrics per log-batch request.</summary>
    public const int MaxMetricsPerBatch = 1000;

    /// <summary>At most this many params per log-batch request.</summary>
    public const int MaxParamsPerBatch = 100;

    /// <summary>At most this many tags per log-batch request.</summary>
    public const int MaxTagsPerBatch = 100;

    /// <summary>At most this many metrics, params and tags together per log-batch request.</summary>
    public const int MaxEntitiesPerBatch = 1000;
}
