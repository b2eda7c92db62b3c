using System.Collections.Generic;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.DynamicProxy.Tests;

public sealed class Optimizer
{
    public string Name { get; init; } = "adam";

    public double Beta { get; init; } = 0.9;
}

public sealed class NestedOptions
{
    public int Epochs { get; init; } = 3;

    public Optimizer Optimizer { get; init; } = new();

    public List<int> Layers { get; init; } = [1, 2];

    [LogParam("token_hash", Redact = ParamRedaction.Hash)]
    public string Token { get; init; } = "secret-token";
}

public interface IFlatteningService
{
    void Nested(NestedOptions options);

    void RedactedObject(NestedOptions options);

    void Collection(int[] values, int count);
}

public sealed class FlatteningService : IFlatteningService
{
    [TrackedRun]
    public void Nested([LogParam] NestedOptions options)
    {
    }

    [TrackedRun]
    public void RedactedObject([LogParam(Redact = ParamRedaction.Length)] NestedOptions options)
    {
    }

    [TrackedRun]
    public void Collection([LogParam] int[] values, [LogParam] int count)
    {
    }
}

/// <summary>The generator's flattening rules, which the proxy follows.</summary>
public sealed class FlatteningRulesTests
{
    private static RecordedRun Run(System.Action<IFlatteningService> call)
    {
        var tracker = new RecordingRunTracker();
        call(TrackingProxy.Create<IFlatteningService>(new FlatteningService(), tracker));
        return tracker.SingleRun();
    }

    [Fact]
    public void Nested_objects_are_flattened_and_collections_left_out()
    {
        var run = Run(s => s.Nested(new NestedOptions()));

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["options.Epochs"] = "3",
                ["options.Optimizer.Name"] = "adam",
                ["options.Optimizer.Beta"] = "0.9",
                ["options.token_hash"] = ParamRedactor.Redact("secret-token", ParamRedaction.Hash),
            },
            run.ParamMap);
    }

    [Fact]
    public void Redacted_object_is_one_redacted_param()
    {
        var options = new NestedOptions();
        var run = Run(s => s.RedactedObject(options));

        Assert.Equal(new Dictionary<string, string> { ["options"] = ParamRedactor.Redact(options.ToString(), ParamRedaction.Length) }, run.ParamMap);
    }

    [Fact]
    public void Collection_param_is_not_logged()
    {
        var run = Run(s => s.Collection([1, 2, 3], 3));

        Assert.Equal(new Dictionary<string, string> { ["count"] = "3" }, run.ParamMap);
    }
}
