using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MLflow.Tracking.DynamicProxy.Tests;

[RunTag("layer", "interface")]
[RunTag("owner", "platform")]
public interface IAnnotatedService
{
    [TrackedRun(Experiment = "from-interface", RunName = "interface-name")]
    [RunTag("method", "interface")]
    [return: LogMetric("doubled")]
    int Double([LogParam("input")] int value, [LogParam] string label);

    [TrackedRun(Experiment = "from-interface")]
    Task<int> OverriddenAsync([LogParam("interface_key")] int value);
}

[RunTag("owner", "ml-team")]
public sealed class AnnotatedService : IAnnotatedService
{
    public int Double(int value, string label) => value * 2;

    [TrackedRun(Experiment = "from-implementation", RunName = "implementation-name")]
    [RunTag("method", "implementation")]
    [return: LogMetric("result")]
    public Task<int> OverriddenAsync([LogParam("implementation_key")] int value) => Task.FromResult(value + 1);
}

public sealed class InterfaceAttributeTests
{
    [Fact]
    public void Attributes_on_the_interface_are_honoured()
    {
        var tracker = new RecordingRunTracker();
        var service = TrackingProxy.Create<IAnnotatedService>(new AnnotatedService(), tracker);

        Assert.Equal(6, service.Double(3, "x"));

        var run = tracker.SingleRun();
        Assert.Equal("from-interface", run.Definition.ExperimentName);
        Assert.Equal("interface-name", run.Definition.RunName);
        Assert.Equal(typeof(AnnotatedService).FullName + ".Double", run.Definition.SourceName);
        Assert.Equal(new Dictionary<string, string> { ["input"] = "3", ["label"] = "x" }, run.ParamMap);
        Assert.Equal(6.0, run.MetricMap["doubled"]);
    }

    [Fact]
    public async Task Implementation_attributes_win_over_the_interface()
    {
        var tracker = new RecordingRunTracker();
        var service = TrackingProxy.Create<IAnnotatedService>(new AnnotatedService(), tracker);

        Assert.Equal(5, await service.OverriddenAsync(4));

        var run = tracker.SingleRun();
        Assert.Equal("from-implementation", run.Definition.ExperimentName);
        Assert.Equal("implementation-name", run.Definition.RunName);
        Assert.Equal(new[] { KeyValuePair.Create("implementation_key", "4") }, run.Params);
        Assert.Equal(5.0, run.MetricMap["result"]);
    }

    [Fact]
    public void Tags_go_from_interface_to_implementation_type_to_method_and_later_ones_are_applied_last()
    {
        var tracker = new RecordingRunTracker();
        TrackingProxy.Create<IAnnotatedService>(new AnnotatedService(), tracker).Double(1, "a");

        var tags = tracker.SingleRun().Definition.Tags.Select(t => (t.Key, t.Value)).ToList();
        Assert.Equal(new[] { ("layer", "interface"), ("owner", "platform"), ("owner", "ml-team"), ("method", "interface") }, tags);
    }

    [Fact]
    public void Definition_is_built_once_per_method()
    {
        var tracker = new RecordingRunTracker();
        var first = TrackingProxy.Create<IAnnotatedService>(new AnnotatedService(), tracker);
        var second = TrackingProxy.Create<IAnnotatedService>(new AnnotatedService(), tracker);

        first.Double(1, "a");
        second.Double(2, "b");

        Assert.Same(tracker.Runs[0].Definition, tracker.Runs[1].Definition);
    }

    [Fact]
    public void Create_refuses_a_class_type()
    {
        var error = Assert.Throws<ArgumentException>(() => TrackingProxy.Create(new AnnotatedService()));

        Assert.Contains("interface", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_tracker_the_ambient_tracker_of_the_flow_is_used()
    {
        var tracker = new RecordingRunTracker();
        using (MlflowTracking.UseTracker(tracker))
        {
            TrackingProxy.Create<IAnnotatedService>(new AnnotatedService()).Double(2, "ambient");
        }

        Assert.Equal("interface-name", tracker.SingleRun().Definition.RunName);
    }

    [Fact]
    public void AddTrackedProxy_resolves_a_proxy_that_reports_to_the_container_tracker()
    {
        var tracker = new RecordingRunTracker();
        var services = new ServiceCollection();
        services.AddSingleton<IRunTracker>(tracker);
        services.AddTrackedProxy<IAnnotatedService, AnnotatedService>();
        using var provider = services.BuildServiceProvider();

        var service = provider.GetRequiredService<IAnnotatedService>();
        service.Double(21, "di");

        Assert.IsNotType<AnnotatedService>(service);
        Assert.Equal("21", tracker.SingleRun().ParamMap["input"]);
    }

    [Fact]
    public void AddTrackedProxy_refuses_a_class_service_type()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddTrackedProxy<AnnotatedService, AnnotatedService>());
    }
}
