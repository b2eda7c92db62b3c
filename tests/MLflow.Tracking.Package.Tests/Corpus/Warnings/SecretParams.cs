// Shape: nine secret names on [LogParam] params of one tracked method.
using MLflow.Tracking;

namespace Corpus.Warnings.SecretParams;

public partial class Deployer
{
    [TrackedRun]
    public partial void Deploy(
        [LogParam] string apiKey, // expect: MLFLOW001
        [LogParam] string password, // expect: MLFLOW001
        [LogParam] string clientSecret, // expect: MLFLOW001
        [LogParam] string connectionString, // expect: MLFLOW001
        [LogParam] string bearerToken, // expect: MLFLOW001
        [LogParam] string privateKey, // expect: MLFLOW001
        [LogParam] string accessKey, // expect: MLFLOW001
        [LogParam] string passphrase, // expect: MLFLOW001
        [LogParam] string token, // expect: MLFLOW001
        [LogParam] int replicas);

    private void DeployCore(string apiKey, string password, string clientSecret, string connectionString, string bearerToken, string privateKey, string accessKey, string passphrase, string token, int replicas)
    {
    }
}
