using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>Dataset inputs (<c>runs/log-inputs</c>) in MLflow's <c>datasets</c>, <c>inputs</c> and <c>input_tags</c> tables.</summary>
public sealed partial class SqliteMlflowStore
{
    /// <inheritdoc />
    public override Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken)
    {
        System.ArgumentNullException.ThrowIfNull(inputs);
        return WriteAsync(
            scope =>
            {
                RequireActiveRun(scope, runId);
                using var command = scope.NewCommand("SELECT experiment_id FROM runs WHERE run_uuid = $id");
                command.Parameters.AddWithValue("$id", runId);
                var experimentId = (long)command.ExecuteScalar()!;
                SqliteInputs.Log(scope, runId, experimentId, inputs);
            },
            cancellationToken);
    }
}
