// Shape: a flattened options object of ML names (and a collection member, which is never logged).
using MLflow.Tracking;

namespace Corpus.Clean.MlLookalikeObject;

public sealed class GenerationOptions
{
    public int MaxTokens { get; set; } = 256;

    public double Temperature { get; set; } = 0.7;

    public string Tokenizer { get; set; } = "bpe";

    public int KeyDim { get; set; } = 64;

    public List<string> StopTokens { get; set; } = new();
}

public partial class Sampler
{
    [TrackedRun]
    public partial int Sample([LogParam] GenerationOptions options);

    private int SampleCore(GenerationOptions options) => options.MaxTokens;
}
