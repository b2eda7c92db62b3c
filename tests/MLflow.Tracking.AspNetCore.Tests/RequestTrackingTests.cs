using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using MLflow.Tracking.AspNetCore;
using MLflow.Tracking.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MLflow.Tracking.AspNetCore.Tests;

public sealed class RequestTrackingTests
{
    private static async Task<WebApplication> StartAppAsync(IRunTracker tracker, Action<MlflowRequestTrackingOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(tracker);
        var app = builder.Build();
        app.UseExceptionHandler(error => error.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        }));
        app.UseRouting();
        app.UseMlflowRequestTracking(configure ?? (o => { o.PathPrefixes = ["/api"]; o.Experiment = "web-requests"; }));
        app.MapGet("/api/predict/{id}", (string id) => Results.Ok(id));
        app.MapGet("/api/missing", () => Results.NotFound());
        app.MapGet("/api/crash", string () => throw new InvalidOperationException("model not loaded"));
        app.MapGet("/other", () => "other");
        await app.StartAsync();
        return app;
    }

    [Fact]
    public async Task Matching_request_becomes_a_finished_run_named_by_route_pattern()
    {
        var tracker = new RecordingRunTracker();
        await using var app = await StartAppAsync(tracker);

        var response = await app.GetTestClient().GetAsync("/api/predict/42");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = tracker.SingleRun();
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal("GET /api/predict/{id}", run.Definition.RunName);
        Assert.Equal("web-requests", run.Definition.ExperimentName);
    }

    [Fact]
    public async Task Request_run_records_params_metrics_and_success_tag()
    {
        var tracker = new RecordingRunTracker();
        await using var app = await StartAppAsync(tracker);

        await app.GetTestClient().GetAsync("/api/predict/7");

        var run = tracker.SingleRun();
        Assert.Equal("/api/predict/{id}", run.ParamMap["endpoint"]);
        Assert.Equal("GET", run.ParamMap["method"]);
        Assert.Equal("guest", run.ParamMap["user_id"]);
        Assert.Equal(200, run.MetricMap["status_code"]);
        Assert.True(run.MetricMap["response_time"] >= 0);
        Assert.Equal("true", run.TagMap["success"]);
    }

    [Fact]
    public async Task Non_matching_path_starts_no_run()
    {
        var tracker = new RecordingRunTracker();
        await using var app = await StartAppAsync(tracker);

        var body = await app.GetTestClient().GetStringAsync("/other");

        Assert.Equal("other", body);
        Assert.Empty(tracker.Runs);
    }

    [Fact]
    public async Task Client_error_status_is_recorded_as_unsuccessful_but_finished()
    {
        var tracker = new RecordingRunTracker();
        await using var app = await StartAppAsync(tracker);

        var response = await app.GetTestClient().GetAsync("/api/missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var run = tracker.SingleRun();
        Assert.Equal(404, run.MetricMap["status_code"]);
        Assert.Equal("false", run.TagMap["success"]);
        Assert.Equal(RunStatus.Finished, run.Status);
    }

    [Fact]
    public async Task Unhandled_exception_fails_the_run_and_the_app_still_answers_500()
    {
        var tracker = new RecordingRunTracker();
        await using var app = await StartAppAsync(tracker);

        var response = await app.GetTestClient().GetAsync("/api/crash");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var run = tracker.SingleRun();
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("model not loaded", run.TagMap["error.message"]);
        Assert.Equal(500, run.MetricMap["status_code"]);
        Assert.Equal("false", run.TagMap["success"]);
    }

    [Fact]
    public async Task Broken_tracker_does_not_fail_the_request()
    {
        var tracker = new RecordingRunTracker { StartRunFailure = new InvalidOperationException("tracker is broken") };
        await using var app = await StartAppAsync(tracker);

        var response = await app.GetTestClient().GetAsync("/api/predict/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Authenticated_user_id_can_be_hashed()
    {
        var tracker = new RecordingRunTracker();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<IRunTracker>(tracker);
        await using var app = builder.Build();
        app.Use((context, next) =>
        {
            context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "alice")], "test"));
            return next(context);
        });
        app.UseMlflowRequestTracking(o => o.UserIdRedaction = ParamRedaction.Hash);
        app.MapGet("/me", () => "me");
        await app.StartAsync();

        await app.GetTestClient().GetAsync("/me");

        Assert.Equal(ParamRedactor.Redact("alice", ParamRedaction.Hash), tracker.SingleRun().ParamMap["user_id"]);
    }

    [Fact]
    public async Task Response_arrives_while_the_store_is_still_creating_the_run()
    {
        var store = new GatedStore();
        await using var client = new MlflowClient(store);
        await using var tracker = new BackgroundRunTracker(client, new MlflowOptions { FlushTimeout = TimeSpan.FromSeconds(10) });
        await using var app = await StartAppAsync(tracker);

        var response = await app.GetTestClient().GetAsync("/api/predict/5");

        // The run's creation is held at the store: the response did not wait for it.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(store.CreateRunCompleted);
        store.Gate.SetResult();
        await tracker.FlushAsync();
        Assert.True(store.CreateRunCompleted);
        var runs = await client.Runs.SearchAsync(new RunSearchRequest { ExperimentIds = [(await client.Experiments.GetByNameAsync("web-requests")).ExperimentId] });
        var run = Assert.Single(runs.Items);
        Assert.Equal(RunStatus.Finished, run.Info.Status);
        Assert.Equal("GET", run.Data.Params["method"]);
    }
}
