using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MLflow.Tracking.Testing;

/// <summary>Assertions over what the fake recorded; each failure lists what was recorded.</summary>
public sealed partial class MlflowFake
{
    private const string DefaultExperimentId = "0";

    /// <summary>Asserts an experiment named <paramref name="name"/> exists (was created by the code under test).</summary>
    /// <returns>The experiment.</returns>
    /// <exception cref="MlflowAssertionException">There is none.</exception>
    public Experiment AssertExperimentCreated(string name)
    {
        foreach (var experiment in Experiments)
        {
            if (experiment.Name == name && (experiment.ExperimentId != DefaultExperimentId || name == "Default"))
            {
                return experiment;
            }
        }

        throw Fail($"an experiment named '{name}'");
    }

    /// <summary>Asserts a run was started, in the experiment named <paramref name="experiment"/> and/or named <paramref name="runName"/> when given.</summary>
    /// <returns>The first matching run.</returns>
    /// <exception cref="MlflowAssertionException">No run matches.</exception>
    public RecordedRun AssertRunStarted(string? experiment = null, string? runName = null)
    {
        foreach (var run in Runs)
        {
            if ((experiment is null || run.ExperimentName == experiment) && (runName is null || run.RunName == runName))
            {
                return run;
            }
        }

        throw Fail("a run" + (runName is null ? string.Empty : $" named '{runName}'") + (experiment is null ? string.Empty : $" in experiment '{experiment}'"));
    }

    /// <summary>Asserts a run (named <paramref name="runName"/> when given) ended with <paramref name="status"/>.</summary>
    /// <returns>The first matching run.</returns>
    /// <exception cref="MlflowAssertionException">No run matches.</exception>
    public RecordedRun AssertRunTerminated(RunStatus status, string? runName = null)
    {
        foreach (var run in Runs)
        {
            if (run.Status == status && run.EndTime is not null && (runName is null || run.RunName == runName))
            {
                return run;
            }
        }

        throw Fail("a run" + (runName is null ? string.Empty : $" named '{runName}'") + $" terminated as {Upper(status)}");
    }

    /// <summary>Asserts some run has the param <paramref name="key"/> (with <paramref name="value"/> when given).</summary>
    /// <returns>The first matching run.</returns>
    /// <exception cref="MlflowAssertionException">No run matches.</exception>
    public RecordedRun AssertParamLogged(string key, string? value = null)
    {
        foreach (var run in Runs)
        {
            if (run.Params.TryGetValue(key, out var actual) && (value is null || actual == value))
            {
                return run;
            }
        }

        throw Fail($"param '{key}'" + (value is null ? string.Empty : $" = '{value}'"));
    }

    /// <summary>Asserts some run has a point of metric <paramref name="key"/> (with <paramref name="value"/> and <paramref name="step"/> when given).</summary>
    /// <returns>The first matching run.</returns>
    /// <exception cref="MlflowAssertionException">No point matches.</exception>
    public RecordedRun AssertMetricLogged(string key, double? value = null, long? step = null)
    {
        foreach (var run in Runs)
        {
            foreach (var point in run.Metrics)
            {
                if (point.Key == key && (value is null || point.Value.Equals(value.Value)) && (step is null || point.Step == step.Value))
                {
                    return run;
                }
            }
        }

        var expected = new StringBuilder($"metric '{key}'");
        if (value is { } v)
        {
            expected.Append(" = ").Append(MlflowValueFormatter.FormatDouble(v));
        }

        if (step is { } s)
        {
            expected.Append(" at step ").Append(s.ToString(CultureInfo.InvariantCulture));
        }

        throw Fail(expected.ToString());
    }

    /// <summary>Asserts some run has the tag <paramref name="key"/> (with <paramref name="value"/> when given).</summary>
    /// <returns>The first matching run.</returns>
    /// <exception cref="MlflowAssertionException">No run matches.</exception>
    public RecordedRun AssertTagSet(string key, string? value = null)
    {
        foreach (var run in Runs)
        {
            if (run.Tags.TryGetValue(key, out var actual) && (value is null || actual == value))
            {
                return run;
            }
        }

        throw Fail($"tag '{key}'" + (value is null ? string.Empty : $" = '{value}'"));
    }

    /// <summary>
    /// Asserts some run holds the artifact file <paramref name="artifactPath"/> (path under the run's artifact root,
    /// such as <c>model/weights.json</c>), with exactly <paramref name="text"/> as UTF-8 content when given.
    /// </summary>
    /// <returns>The first matching run.</returns>
    /// <exception cref="MlflowAssertionException">No run holds it.</exception>
    public RecordedRun AssertArtifactLogged(string artifactPath, string? text = null)
    {
        foreach (var run in Runs)
        {
            if (run.Artifacts.TryGetValue(artifactPath, out var bytes) && (text is null || Encoding.UTF8.GetString(bytes) == text))
            {
                return run;
            }
        }

        throw Fail($"artifact '{artifactPath}'" + (text is null ? string.Empty : $" with content '{text}'"));
    }

    /// <summary>Asserts some run logged the dataset <paramref name="datasetName"/> as an input (with the context <paramref name="context"/> when given).</summary>
    /// <returns>The first matching run.</returns>
    /// <exception cref="MlflowAssertionException">No run has such an input.</exception>
    public RecordedRun AssertInputLogged(string datasetName, string? context = null)
    {
        foreach (var run in Runs)
        {
            foreach (var input in run.Inputs)
            {
                if (input.Dataset.Name == datasetName && (context is null || input.Context == context))
                {
                    return run;
                }
            }
        }

        throw Fail($"dataset input '{datasetName}'" + (context is null ? string.Empty : $" with context '{context}'"));
    }

    /// <summary>Asserts no run and no experiment (besides <c>Default</c>) was created.</summary>
    /// <exception cref="MlflowAssertionException">Something was recorded.</exception>
    public void AssertNothingLogged()
    {
        if (Runs.Count == 0 && Experiments.Count == 1)
        {
            return;
        }

        throw Fail("nothing logged");
    }

    /// <summary>Everything recorded, as the assertion messages list it.</summary>
    public string DescribeRecorded()
    {
        var text = new StringBuilder();
        var experiments = Experiments;
        text.Append("Experiments:");
        var any = false;
        foreach (var experiment in experiments)
        {
            if (experiment.ExperimentId == DefaultExperimentId)
            {
                continue;
            }

            any = true;
            text.Append("\n  ").Append(experiment.ExperimentId).Append(" '").Append(experiment.Name).Append('\'');
            if (experiment.LifecycleStage == LifecycleStage.Deleted)
            {
                text.Append(" (deleted)");
            }
        }

        if (!any)
        {
            text.Append(" (none besides Default)");
        }

        var runs = Runs;
        text.Append("\nRuns:");
        if (runs.Count == 0)
        {
            text.Append(" (none)");
        }

        foreach (var run in runs)
        {
            text.Append("\n  '").Append(run.RunName).Append("' in '").Append(run.ExperimentName).Append("', ").Append(Upper(run.Status));
            if (run.ParentRunId is { } parent)
            {
                text.Append(", child of ").Append(parent);
            }

            text.Append(" (").Append(run.RunId).Append(')');
            AppendPairs(text, "params", run.Params, skipSystem: false);
            AppendPairs(text, "tags", run.Tags, skipSystem: true);
            if (run.Inputs.Count > 0)
            {
                text.Append("\n    inputs: ");
                for (var i = 0; i < run.Inputs.Count; i++)
                {
                    var input = run.Inputs[i];
                    text.Append(i == 0 ? string.Empty : ", ").Append(input.Dataset.Name).Append(" (").Append(input.Context ?? "no context").Append(')');
                }
            }

            if (run.Artifacts.Count > 0)
            {
                text.Append("\n    artifacts: ").Append(string.Join(", ", System.Linq.Enumerable.Order(run.Artifacts.Keys, StringComparer.Ordinal)));
            }
            if (run.Metrics.Count > 0)
            {
                text.Append("\n    metrics: ");
                for (var i = 0; i < run.Metrics.Count; i++)
                {
                    var point = run.Metrics[i];
                    text.Append(i == 0 ? string.Empty : ", ").Append(point.Key).Append('=').Append(MlflowValueFormatter.FormatDouble(point.Value));
                    if (point.Step != 0)
                    {
                        text.Append(" @").Append(point.Step.ToString(CultureInfo.InvariantCulture));
                    }
                }
            }
        }

        return text.ToString();
    }

    private static string Upper(RunStatus status) => status.ToString().ToUpperInvariant();

    private static void AppendPairs(StringBuilder text, string label, IReadOnlyDictionary<string, string> pairs, bool skipSystem)
    {
        var first = true;
        foreach (var pair in pairs)
        {
            if (skipSystem && pair.Key.StartsWith("mlflow.", StringComparison.Ordinal))
            {
                continue;
            }

            text.Append(first ? $"\n    {label}: " : ", ").Append(pair.Key).Append("='").Append(pair.Value).Append('\'');
            first = false;
        }
    }

    private MlflowAssertionException Fail(string expected) =>
        new($"Expected {expected}, but nothing recorded matches it.\nRecorded:\n{DescribeRecorded()}");
}
