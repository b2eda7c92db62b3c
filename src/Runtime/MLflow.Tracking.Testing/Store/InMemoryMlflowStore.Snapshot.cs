using System.Collections.Generic;

namespace MLflow.Tracking.Testing;

/// <summary>What the store holds, for assertions.</summary>
public sealed partial class InMemoryMlflowStore
{
    /// <summary>Every experiment, in creation order, including <c>Default</c> (id <c>0</c>) and deleted ones.</summary>
    public IReadOnlyList<Experiment> Experiments
    {
        get
        {
            lock (_gate)
            {
                var experiments = new List<Experiment>(_experimentOrder.Count);
                foreach (var experiment in _experimentOrder)
                {
                    experiments.Add(experiment.ToModel());
                }

                return experiments;
            }
        }
    }

    /// <summary>Every run, in creation order, with all metric points.</summary>
    public IReadOnlyList<RecordedRun> Runs
    {
        get
        {
            lock (_gate)
            {
                var runs = new List<RecordedRun>(_runOrder.Count);
                foreach (var run in _runOrder)
                {
                    runs.Add(new RecordedRun
                    {
                        RunId = run.RunId,
                        ExperimentId = run.ExperimentId,
                        ExperimentName = _experiments[run.ExperimentId].Name,
                        RunName = run.RunName,
                        Status = run.Status,
                        StartTime = run.StartTime,
                        EndTime = run.EndTime,
                        LifecycleStage = run.Stage,
                        Params = new Dictionary<string, string>(run.Params, System.StringComparer.Ordinal),
                        Tags = new Dictionary<string, string>(run.Tags, System.StringComparer.Ordinal),
                        Metrics = run.Points.ToArray(),
                        Inputs = run.Inputs.ToArray(),
                        Artifacts = new InMemoryArtifactRepository(run.ArtifactUri, _artifactFiles).Snapshot(),
                    });
                }

                return runs;
            }
        }
    }
}
