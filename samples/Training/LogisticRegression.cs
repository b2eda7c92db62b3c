using System;

namespace Training;

/// <summary>A logistic regression classifier: p(y = 1 | x) = sigmoid(w·x + b).</summary>
internal sealed class LogisticRegression
{
    public LogisticRegression(int featureCount) => Weights = new double[featureCount];

    public double[] Weights { get; }

    public double Bias { get; set; }

    public double Probability(double[] x)
    {
        var z = Bias;
        for (var i = 0; i < Weights.Length; i++)
        {
            z += Weights[i] * x[i];
        }

        return 1.0 / (1.0 + Math.Exp(-z));
    }

    public int Predict(double[] x) => Probability(x) >= 0.5 ? 1 : 0;

    /// <summary>Mean binary cross-entropy plus the L2 penalty.</summary>
    public double Loss(Dataset data, double l2)
    {
        var total = 0.0;
        for (var n = 0; n < data.Count; n++)
        {
            var p = Math.Clamp(Probability(data.Features[n]), 1e-12, 1 - 1e-12);
            total -= data.Labels[n] == 1 ? Math.Log(p) : Math.Log(1 - p);
        }

        var penalty = 0.0;
        foreach (var w in Weights)
        {
            penalty += w * w;
        }

        return (total / data.Count) + (0.5 * l2 * penalty);
    }

    /// <summary>One epoch of mini-batch gradient descent over the rows in <paramref name="order"/>.</summary>
    public void Epoch(Dataset data, int[] order, double learningRate, int batchSize, double l2)
    {
        var gradient = new double[Weights.Length];
        for (var start = 0; start < order.Length; start += batchSize)
        {
            var end = Math.Min(start + batchSize, order.Length);
            Array.Clear(gradient);
            var biasGradient = 0.0;
            for (var k = start; k < end; k++)
            {
                var n = order[k];
                var error = Probability(data.Features[n]) - data.Labels[n];
                for (var i = 0; i < gradient.Length; i++)
                {
                    gradient[i] += error * data.Features[n][i];
                }

                biasGradient += error;
            }

            var size = end - start;
            for (var i = 0; i < Weights.Length; i++)
            {
                Weights[i] -= learningRate * ((gradient[i] / size) + (l2 * Weights[i]));
            }

            Bias -= learningRate * biasGradient / size;
        }
    }

    public double Accuracy(Dataset data)
    {
        var correct = 0;
        for (var n = 0; n < data.Count; n++)
        {
            if (Predict(data.Features[n]) == data.Labels[n])
            {
                correct++;
            }
        }

        return (double)correct / data.Count;
    }
}
