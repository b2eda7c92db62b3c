using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Stores;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking.Testing;

/// <summary>Dataset inputs with MLflow's SQL store semantics: one dataset per experiment, name and digest; one input per dataset and run.</summary>
public sealed partial class InMemoryMlflowStore
{
    private readonly Dictionary<(string ExperimentId, string Name, string Digest), Dataset> _datasets = new();

    /// <inheritdoc/>
    public override Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        lock (_gate)
        {
            var run = GetActiveRun(runId);
            foreach (var input in inputs)
            {
                var key = (run.ExperimentId, input.Dataset.Name, input.Dataset.Digest ?? string.Empty);
                if (!_datasets.TryGetValue(key, out var dataset))
                {
                    dataset = input.Dataset with { Digest = key.Item3 };
                    _datasets[key] = dataset;
                }

                if (!run.Inputs.Exists(i => i.Dataset.Name == dataset.Name && i.Dataset.Digest == dataset.Digest))
                {
                    run.Inputs.Add(new DatasetInput(dataset, input.Tags.ToArray()));
                }
            }

            return Task.CompletedTask;
        }
    }
}
