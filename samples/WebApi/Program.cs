// samples/WebApi: an ASP.NET Core minimal API tracked with MLflow.Tracking.
//   MLFLOW_TRACKING_URI=sqlite:///mlflow.db dotnet run --project samples/WebApi
//   curl -X POST localhost:5000/api/predict -H 'content-type: application/json' \
//        -d '{"sepalLength":5.1,"sepalWidth":3.5,"petalLength":1.4,"petalWidth":0.2}'
//   curl localhost:5000/health
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebApi;

var builder = WebApplication.CreateBuilder(args);

// Options from the "MLflow" section of appsettings.json, then MLFLOW_* environment variables; validated at start.
builder.Services.AddMlflowTracking();
builder.Services.AddHealthChecks().AddMlflow(tags: ["ready"]);

// Tracked through a Castle DynamicProxy: every PredictAsync call is a run (a child of the request's run).
builder.Services.AddTrackedProxy<IPredictionService, PredictionService>();

var app = builder.Build();
app.UseExceptionHandler(error => error.Run(context =>
{
    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
    return context.Response.WriteAsync("Prediction failed.");
}));
app.UseRouting();

// One run per /api request in experiment "web-requests", named by route ("POST /api/predict").
app.UseMlflowRequestTracking(options =>
{
    options.PathPrefixes = ["/api"];
    options.Experiment = "web-requests";
    options.UserIdRedaction = MLflow.Tracking.ParamRedaction.Hash;
});

app.MapPost("/api/predict", (PredictionRequest request, IPredictionService predictions, CancellationToken cancellationToken) =>
    predictions.PredictAsync(request, "v1", cancellationToken));
app.MapHealthChecks("/health");

app.Run();

/// <summary>The entry point, visible to tests.</summary>
public partial class Program;
