using System;
using System.Net.Http;
using MLflow.Tracking.Pipeline;

namespace MLflow.Tracking.Tests.Tracking;

public sealed class DeliveryErrorsTests
{
    [Fact]
    public void Network_errors_are_transient() =>
        Assert.True(DeliveryErrors.IsTransient(new MlflowNetworkException("refused")));

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public void Throttling_and_unavailable_statuses_are_transient(int status) =>
        Assert.True(DeliveryErrors.IsTransient(new MlflowException("busy", MlflowErrorCodes.InternalError, status)));

    [Fact]
    public void Invalid_parameters_are_permanent() =>
        Assert.False(DeliveryErrors.IsTransient(new MlflowInvalidParameterException("bad key")));

    [Fact]
    public void Internal_server_errors_are_permanent() =>
        Assert.False(DeliveryErrors.IsTransient(new MlflowException("invalid literal", MlflowErrorCodes.InternalError, 500)));

    [Fact]
    public void Transport_exceptions_wrapped_in_MlflowException_are_transient() =>
        Assert.True(DeliveryErrors.IsTransient(new MlflowException("failed", new HttpRequestException("reset"))));

    [Fact]
    public void Programming_errors_are_permanent() =>
        Assert.False(DeliveryErrors.IsTransient(new InvalidOperationException("bug")));
}
