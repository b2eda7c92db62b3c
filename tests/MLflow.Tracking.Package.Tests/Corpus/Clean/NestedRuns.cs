// Shape: a tracked method calling another (a child run), with experiment names at MLflow's limits' safe side.
using MLflow.Tracking;

namespace Corpus.Clean.NestedRuns;

public partial class Pipeline
{
    [TrackedRun(Experiment = "pipeline")]
    public partial int Run([LogParam] int stages);

    [TrackedRun(Experiment = "pipeline", RunName = "stage")]
    [return: LogMetric("stage_result")]
    public partial int Stage([LogParam("stage_index")] int index);

    private int RunCore(int stages)
    {
        var total = 0;
        for (var i = 0; i < stages; i++)
        {
            total += Stage(i);
        }

        return total;
    }

    private int StageCore(int index) => index * 2;
}
