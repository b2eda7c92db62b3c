// Shape: an interface-typed [LogParam] whose members are ML names only: flattened, and nothing is reported.
using MLflow.Tracking;

namespace Corpus.Clean.InterfaceLookalikes;

public interface IGenerationSettings
{
    int MaxTokens { get; }

    string Tokenizer { get; }

    int KeyDim { get; }
}

public sealed class GenerationSettings : IGenerationSettings
{
    public int MaxTokens => 128;

    public string Tokenizer => "sentencepiece";

    public int KeyDim => 64;
}

public partial class Generator
{
    [TrackedRun]
    public partial int Generate([LogParam] IGenerationSettings settings);

    private int GenerateCore(IGenerationSettings settings) => settings.MaxTokens;
}
