using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking.Stores;

/// <summary>
/// A store that records datasets as run inputs (MLflow's <c>runs/log-inputs</c>). Kept apart from
/// <see cref="IMlflowStore"/> so that a store written before datasets existed keeps compiling; the REST, SQLite and
/// in-memory stores implement both, and <see cref="RunsClient.LogInputsAsync"/> says clearly when a store does not.
/// </summary>
public interface IMlflowInputsStore
{
    /// <summary>
    /// Logs <paramref name="inputs"/> for the run: a dataset is stored once per experiment (by name and digest), and
    /// logging the same dataset to the same run again adds nothing (its first input tags stay), as in MLflow.
    /// </summary>
    /// <exception cref="MlflowNotFoundException">The run does not exist.</exception>
    Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken);
}
