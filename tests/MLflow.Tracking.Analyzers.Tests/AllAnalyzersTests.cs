using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>Every analyzer together over the design's own example: a correct tracked class reports nothing.</summary>
public class AllAnalyzersTests
{
    [Fact]
    public Task Design_example_reports_no_diagnostics()
    {
        var test = new AllAnalyzersTest
        {
            TestCode = AnalyzerVerifier<SecretLoggedAnalyzer>.Usings + """
                public sealed class TrainingOptions
                {
                    public int BatchSize { get; set; } = 32;
                    public double Dropout { get; set; } = 0.1;
                    public string Optimizer { get; set; } = "adam";
                    public int MaxTokens { get; set; } = 512;
                }

                public sealed record TrainingResult([property: LogMetric] double Accuracy, [property: LogMetric("f1")] double F1);

                [RunTag("team", "vision")]
                public partial class Trainer
                {
                    [TrackedRun(Experiment = "training", RunName = "train")]
                    public partial Task<TrainingResult> TrainAsync(
                        [LogParam] double learningRate,
                        [LogParam("epochs")] int epochCount,
                        [LogParam] TrainingOptions options,
                        [LogParam(Redact = ParamRedaction.Hash)] string userId,
                        CancellationToken cancellationToken);

                    private async Task<TrainingResult> TrainAsyncCore(double learningRate, int epochCount, TrainingOptions options, string userId, CancellationToken cancellationToken)
                    {
                        await Task.Yield();
                        ActiveRun.Current?.LogMetric("loss", 0.5, step: 1);
                        ActiveRun.Current?.SetTag("tokenizer", "bpe");
                        return new TrainingResult(0.9, 0.8);
                    }

                    [TrackedRun]
                    [return: LogMetric("score")]
                    public partial double Evaluate([LogParam] int keyDim);

                    private double EvaluateCore(int keyDim) => keyDim;
                }
                """,
        };
        return test.RunAsync();
    }

    private sealed class AllAnalyzersTest : CSharpAnalyzerTest<SecretLoggedAnalyzer, DefaultVerifier>
    {
        public AllAnalyzersTest()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            CompilerDiagnostics = CompilerDiagnostics.None;
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        [
            new SecretLoggedAnalyzer(), new TrackingAttributeWithoutRunAnalyzer(),
            new MetricNotNumericAnalyzer(), new InvalidKeyAnalyzer(), new DuplicateKeyAnalyzer(), new InvalidRunNamingAnalyzer(),
        ];
    }
}
