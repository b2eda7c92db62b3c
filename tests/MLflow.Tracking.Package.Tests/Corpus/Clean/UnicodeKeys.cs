// Shape: keys in other scripts, which MLflow accepts (its rule is Python's Unicode \w): précision, 損失.
using MLflow.Tracking;

namespace Corpus.Clean.UnicodeKeys;

public partial class Evaluator
{
    [TrackedRun]
    [return: LogMetric("précision")]
    public partial double Evaluate([LogParam("taux_d_apprentissage")] double rate, [LogParam("損失")] double loss);

    private double EvaluateCore(double rate, double loss) => rate - loss;
}
