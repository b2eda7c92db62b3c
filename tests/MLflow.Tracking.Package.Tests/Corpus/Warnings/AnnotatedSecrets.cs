// Shape: a member marked [PasswordPropertyText] in a flattened object.
using System.ComponentModel;
using MLflow.Tracking;

namespace Corpus.Warnings.AnnotatedSecrets;

public sealed class DeviceOptions
{
    public string Name { get; set; } = "";

    [PasswordPropertyText]
    public string Pin { get; set; } = "";
}

public partial class Pairing
{
    [TrackedRun]
    public partial void Pair([LogParam] DeviceOptions device); // expect: MLFLOW001

    private void PairCore(DeviceOptions device)
    {
    }
}
