// Shape: values whose type is a secret (NetworkCredential, SecureString), whatever their name.
using System.Net;
using System.Security;
using MLflow.Tracking;

namespace Corpus.Warnings.SecretTypes;

public partial class Mounter
{
    [TrackedRun]
    public partial void Mount(
        [LogParam] NetworkCredential login, // expect: MLFLOW001
        [LogParam] SecureString pin, // expect: MLFLOW001
        [LogParam] string share);

    private void MountCore(NetworkCredential login, SecureString pin, string share)
    {
    }
}
