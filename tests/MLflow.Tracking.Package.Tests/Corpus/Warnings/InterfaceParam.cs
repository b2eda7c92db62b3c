// Shape: an interface-typed [LogParam]: the generator logs its members, so creds.Password is a logged secret.
using MLflow.Tracking;

namespace Corpus.Warnings.InterfaceParam;

public interface ICredentials
{
    string User { get; }

    string Password { get; }
}

public partial class Connector
{
    [TrackedRun]
    public partial void Connect([LogParam] ICredentials creds); // expect: MLFLOW001

    private void ConnectCore(ICredentials creds)
    {
    }
}
