namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>The error texts MLflow's tracking server gives (copied from its answers), for the same situations.</summary>
internal static class SqliteErrors
{
    public static MlflowNotFoundException RunNotFound(string runId) => new($"Run with id={runId} not found");

    public static MlflowNotFoundException ExperimentNotFound(string experimentId) => new($"No Experiment with id={experimentId} exists");

    public static MlflowNotFoundException ExperimentNameNotFound(string name) => new($"Could not find experiment with name '{name}'");

    public static MlflowInvalidParameterException RunNotActive(string runId) =>
        new($"The run {runId} must be in the 'active' state. Current state is deleted.");

    public static MlflowInvalidParameterException ExperimentNotActive(string experimentId) =>
        new($"The experiment {experimentId} must be in the 'active' state. Current state is deleted.");

    public static MlflowAlreadyExistsException ExperimentExists(string name) =>
        new($"Experiment(name={name}) already exists. Error: UNIQUE constraint failed: experiments.name");

    public static MlflowNotFoundException RunTagNotFound(string runId, string key) => new($"No tag with name: {key} in run with id {runId}");

    public static MlflowNotFoundException ExperimentTagNotFound(string experimentId, string key) => new($"No tag with name: {key} in experiment with id {experimentId}");

    public static MlflowInvalidParameterException ParamChanged(string runId, string key, string oldValue, string newValue) =>
        new($"Changing param values is not allowed. Param with key='{key}' was already logged with value='{oldValue}' for run ID='{runId}'. Attempted logging new value '{newValue}'.");

    public static MlflowInvalidParameterException ParamsChanged(string runId, string changes) =>
        new($"Changing param values is not allowed. Params were already logged='[{changes}]' for run ID='{runId}'.");

    public static MlflowInvalidParameterException RunNameConflict(string runName, string tagValue) =>
        new($"Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='{runName}', mlflow.runName='{tagValue}').");
}
