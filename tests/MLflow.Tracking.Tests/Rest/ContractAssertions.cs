using System;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Rest;

/// <summary>Checks that the client turned a recorded MLflow answer into the right outcome.</summary>
internal static class ContractAssertions
{
    /// <summary>200 means no exception; an MLflow error means the typed exception with its code, status and message.</summary>
    public static void AssertOutcome(Transcript t, Exception? thrown)
    {
        if (t.Status is >= 200 and < 300)
        {
            Assert.True(thrown is null, $"{t.Name}: expected success, got {thrown}");
            return;
        }

        Assert.True(thrown is MlflowException, $"{t.Name}: expected an MlflowException for HTTP {t.Status}, got {thrown?.ToString() ?? "success"}");
        var error = (MlflowException)thrown!;
        Assert.Equal(t.Status, error.HttpStatus);
        if (t.Status is 401 or 403)
        {
            Assert.IsType<MlflowPermissionDeniedException>(error);
            Assert.Contains(t.ResponseBodyText.Trim(), error.Message, StringComparison.Ordinal);
            return;
        }

        if (t.ErrorCode is null)
        {
            Assert.IsType<MlflowNetworkException>(error);
            return;
        }

        Assert.Equal(t.ErrorCode, error.ErrorCode);
        Assert.Equal(t.ErrorMessage, error.Message);
        var expectedType = t.ErrorCode switch
        {
            MlflowErrorCodes.ResourceDoesNotExist => typeof(MlflowNotFoundException),
            MlflowErrorCodes.ResourceAlreadyExists => typeof(MlflowAlreadyExistsException),
            MlflowErrorCodes.InvalidParameterValue or MlflowErrorCodes.BadRequest => typeof(MlflowInvalidParameterException),
            _ => typeof(MlflowException),
        };
        Assert.IsType(expectedType, error);
    }
}
