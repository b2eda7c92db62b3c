// Shape: [LogArtifact] on results and result members of every supported type, sync and async, nullable or not.
using System.IO;
using MLflow.Tracking;

namespace Corpus.Clean.Artifacts;

public sealed record Model(
    [property: LogArtifact("model/weights.bin")] byte[] Weights,
    [property: LogArtifact("model/tokens.bin")] ReadOnlyMemory<byte> Tokens,
    [property: LogArtifact] FileInfo? Report,
    [property: LogMetric] double Accuracy)
{
    [LogArtifact("logs/train.log")]
    public Stream? Log { get; init; }

    [LogArtifact("model/card.md")]
    public string Card => "accuracy " + Accuracy.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public partial class Trainer
{
    [TrackedRun(Experiment = "artifacts")]
    [return: LogArtifact("model.json")]
    public partial string Export([LogParam] string name);

    [TrackedRun]
    [return: LogArtifact("maybe.json")]
    public partial string? Maybe();

    [TrackedRun]
    public partial Task<Model?> TrainAsync([LogParam] int epochs);

    [TrackedRun]
    [return: LogArtifact]
    public partial ValueTask<FileInfo> SaveAsync();

    [TrackedRun]
    [return: LogArtifact("stream.bin")]
    public partial MemoryStream Open();

    private string ExportCore(string name) => "{\"name\":\"" + name + "\"}";

    private string? MaybeCore() => null;

    private Task<Model?> TrainAsyncCore(int epochs) => Task.FromResult<Model?>(new Model([1, 2], new byte[] { 3 }, null, 0.5));

    private ValueTask<FileInfo> SaveAsyncCore() => new(new FileInfo("model.bin"));

    private MemoryStream OpenCore() => new([1, 2, 3]);
}
