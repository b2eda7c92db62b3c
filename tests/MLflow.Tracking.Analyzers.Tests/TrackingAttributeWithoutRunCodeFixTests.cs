using System.Threading.Tasks;
using MLflow.Tracking.CodeFixes;

namespace MLflow.Tracking.Analyzers.Tests;

public class TrackingAttributeWithoutRunCodeFixTests
{
    [Fact]
    public Task Unused_tracking_attributes_are_removed() =>
        CodeFixVerifier<TrackingAttributeWithoutRunAnalyzer, TrackingAttributeWithoutRunCodeFixProvider>.VerifyAsync("""
            public class Trainer
            {
                [return: {|MLFLOW003:LogMetric|}]
                public double Train([{|MLFLOW003:LogParam|}] int epochs, [{|MLFLOW003:LogParam("lr")|}, Obsolete] double learningRate) => epochs * learningRate;
            }
            """, """
            public class Trainer
            {
                public double Train(int epochs, [Obsolete] double learningRate) => epochs * learningRate;
            }
            """);
}
