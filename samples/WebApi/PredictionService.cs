using System;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking;

namespace WebApi;

/// <summary>What the API asks the model.</summary>
public sealed record PredictionRequest(double SepalLength, double SepalWidth, double PetalLength, double PetalWidth);

/// <summary>The model's answer; its [LogMetric] members become metrics of the run.</summary>
public sealed record Prediction(string Label, [property: LogMetric("confidence")] double Confidence);

/// <summary>
/// The model behind the API. The tracking attributes sit on the interface: the Castle proxy honours them at run time,
/// and the implementation stays an ordinary class (MLFLOW002 asks for a partial method only where the generator is
/// meant to implement it).
/// </summary>
[RunTag("component", "prediction-service")]
public interface IPredictionService
{
    /// <summary>Classifies one flower.</summary>
    [TrackedRun(Experiment = "predictions", RunName = "predict")]
    Task<Prediction> PredictAsync([LogParam] PredictionRequest request, [LogParam("model_version")] string modelVersion, CancellationToken cancellationToken);
}

/// <summary>
/// A toy iris classifier. Each call is a child run of the request's run: Program.cs registers it with
/// <c>AddTrackedProxy&lt;IPredictionService, PredictionService&gt;()</c>, which tracks it through a Castle proxy.
/// The source-generated alternative (no proxy, no reflection) marks a partial method instead:
/// <code>
/// public sealed partial class PredictionService : IPredictionService
/// {
///     [TrackedRun(Experiment = "predictions", RunName = "predict")]
///     public partial Task&lt;Prediction&gt; PredictAsync([LogParam] PredictionRequest request, [LogParam("model_version")] string modelVersion, CancellationToken cancellationToken);
///     private async Task&lt;Prediction&gt; PredictAsyncCore(...) { ... }
/// }
/// </code>
/// </summary>
public sealed class PredictionService : IPredictionService
{
    /// <inheritdoc/>
    public async Task<Prediction> PredictAsync(PredictionRequest request, string modelVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        var (label, confidence) = request.PetalLength switch
        {
            < 2.5 => ("setosa", 0.98),
            < 4.9 => ("versicolor", 0.85),
            _ => ("virginica", 0.9),
        };
        return new Prediction(label, confidence);
    }
}
