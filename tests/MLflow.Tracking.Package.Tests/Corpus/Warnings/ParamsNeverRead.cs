// Shape: [LogParam] on values the tracking model never reads (a collection, a task, a culture), so nothing is logged.
using System.Globalization;
using System.Threading.Tasks;
using MLflow.Tracking;

namespace Corpus.Warnings.ParamsNeverRead;

public partial class Trainer
{
    [TrackedRun]
    public partial void Train(
        [LogParam] int[] layerSizes, // expect: MLFLOW010
        [LogParam] Task<int> pendingCount, // expect: MLFLOW010
        [LogParam] CultureInfo culture, // expect: MLFLOW010
        [LogParam] int epochs);

    private void TrainCore(int[] layerSizes, Task<int> pendingCount, CultureInfo culture, int epochs)
    {
    }
}
