using System;
using MLflow.Tracking.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MLflow.Tracking.Tests.Logging;

public sealed class DefaultLoggingTests
{
    [Fact]
    public void A_user_logger_factory_is_used_as_given()
    {
        using var factory = LoggerFactory.Create(_ => { });
        Assert.Same(factory, DefaultLogging.Resolve(factory, new MlflowOptions()));
        Assert.Same(NullLoggerFactory.Instance, DefaultLogging.Resolve(NullLoggerFactory.Instance, new MlflowOptions()));
    }

    [Fact]
    public void Without_one_warnings_go_to_standard_error()
    {
        var logger = DefaultLogging.Resolve(null, new MlflowOptions()).CreateLogger("MLflow.Tracking.BackgroundRunTracker");
        Assert.IsType<StandardErrorLogger>(logger);
        Assert.IsType<StandardErrorLogger>(DefaultLogging.Resolve(null, null).CreateLogger("x"));
    }

    [Fact]
    public void LogToStandardError_false_turns_it_off()
    {
        Assert.Same(NullLoggerFactory.Instance, DefaultLogging.Resolve(null, new MlflowOptions { LogToStandardError = false }));
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("true", true)]
    public void MLFLOW_TRACKING_LOG_TO_STDERR_sets_the_option(string value, bool expected)
    {
        var options = MlflowOptions.FromEnvironment(name => name == "MLFLOW_TRACKING_LOG_TO_STDERR" ? value : null);
        Assert.Equal(expected, options.LogToStandardError);
    }

    [Fact]
    public void A_malformed_MLFLOW_TRACKING_LOG_TO_STDERR_names_the_variable()
    {
        var error = Assert.Throws<ArgumentException>(() => MlflowOptions.FromEnvironment(name => name == "MLFLOW_TRACKING_LOG_TO_STDERR" ? "sometimes" : null));
        Assert.Contains("MLFLOW_TRACKING_LOG_TO_STDERR", error.Message, StringComparison.Ordinal);
    }
}
