// Shape: ML vocabulary that only looks like a secret, on [LogParam] params: none of it is reported.
using MLflow.Tracking;

namespace Corpus.Clean.MlLookalikeParams;

public partial class TextGenerator
{
    [TrackedRun]
    public partial string Generate(
        [LogParam] int maxTokens,
        [LogParam] int numTokens,
        [LogParam] string tokenizer,
        [LogParam] string tokenizerName,
        [LogParam] int keyDim,
        [LogParam] string secretaryName,
        [LogParam] string padToken,
        [LogParam] string eosToken,
        [LogParam] long tokenCount,
        [LogParam] string tokenType,
        [LogParam] string primaryKey,
        [LogParam] int keyframeInterval,
        [LogParam] string authorName,
        [LogParam] int numPasses);

    private string GenerateCore(int maxTokens, int numTokens, string tokenizer, string tokenizerName, int keyDim, string secretaryName, string padToken, string eosToken, long tokenCount, string tokenType, string primaryKey, int keyframeInterval, string authorName, int numPasses) =>
        tokenizer + maxTokens.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
