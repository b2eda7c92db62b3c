// Shape: secrets redacted with ParamRedaction.Hash / Length, on params and on members.
using MLflow.Tracking;

namespace Corpus.Clean.Redacted;

public sealed class DatabaseOptions
{
    public string Host { get; set; } = "localhost";

    [LogParam(Redact = ParamRedaction.Hash)]
    public string Password { get; set; } = "";
}

public partial class Deployer
{
    [TrackedRun]
    public partial void Deploy(
        [LogParam(Redact = ParamRedaction.Hash)] string apiKey,
        [LogParam(Redact = ParamRedaction.Length)] string password,
        [LogParam] DatabaseOptions database);

    private void DeployCore(string apiKey, string password, DatabaseOptions database)
    {
    }
}
