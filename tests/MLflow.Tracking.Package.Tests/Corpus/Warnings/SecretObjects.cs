// Shape: secrets inside flattened [LogParam] objects (a member, a nested member), reported on the parameter.
using MLflow.Tracking;

namespace Corpus.Warnings.SecretObjects;

public sealed class DatabaseOptions
{
    public string Host { get; set; } = "localhost";

    public string Password { get; set; } = "";
}

public sealed record Storage(string Bucket, string AccessKey);

public sealed record JobOptions(int Workers, Storage Storage);

public partial class Loader
{
    [TrackedRun]
    public partial int Load(
        [LogParam] DatabaseOptions database, // expect: MLFLOW001
        [LogParam] JobOptions job); // expect: MLFLOW001

    private int LoadCore(DatabaseOptions database, JobOptions job) => job.Workers;
}
