// Shape: secrets passed to ActiveRun.Current?.LogParam / SetTag directly, inside and outside a tracked run.
using MLflow.Tracking;

namespace Corpus.Warnings.DirectCalls;

public static class Setup
{
    public static void Configure(string password, string apiKey, string authToken)
    {
        ActiveRun.Current?.LogParam("db_password", password); // expect: MLFLOW001
        ActiveRun.Current?.SetTag("provider", apiKey); // expect: MLFLOW001
        ActiveRun.Current?.SetTag("auth", authToken); // expect: MLFLOW001
        ActiveRun.Current?.LogParam("region", "eu-west-1");
    }
}
