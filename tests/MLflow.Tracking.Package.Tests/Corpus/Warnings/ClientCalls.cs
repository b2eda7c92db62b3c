// Shape: secrets logged through the client and builders (RunsClient, RunBuilder, Tag for LogBatchAsync).
using MLflow.Tracking;

namespace Corpus.Warnings.ClientCalls;

public static class Reporter
{
    public static async Task ReportAsync(MlflowClient client, string runId, string clientSecret, string password)
    {
        await client.Runs.SetTagAsync(runId, "oauth", clientSecret); // expect: MLFLOW001
        await client.Runs.LogParamAsync(runId, "lr", "0.1");
        await client.Runs.LogBatchAsync(runId, tags: new[] { new Tag("db", password) }); // expect: MLFLOW001
    }
}
