using System;

namespace MLflow.Tracking;

/// <summary>An error reported by MLflow (a tracking server or the local store) or met on the way to it.</summary>
public class MlflowException : Exception
{
    /// <summary>Creates an exception with MLflow's error code and the HTTP status, when there is one.</summary>
    /// <param name="message">The message (the server's message where it sent one; never credentials).</param>
    /// <param name="errorCode">MLflow's <c>error_code</c>, such as <c>RESOURCE_DOES_NOT_EXIST</c>.</param>
    /// <param name="httpStatus">The HTTP status, or null where no HTTP exchange happened.</param>
    /// <param name="innerException">The cause.</param>
    public MlflowException(string message, string? errorCode = null, int? httpStatus = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode ?? MlflowErrorCodes.InternalError;
        HttpStatus = httpStatus;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public MlflowException()
        : this("An MLflow operation failed.")
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public MlflowException(string message)
        : this(message, null, null, null)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public MlflowException(string message, Exception innerException)
        : this(message, null, null, innerException)
    {
    }

    /// <summary>MLflow's error code, such as <c>INVALID_PARAMETER_VALUE</c> (see <see cref="MlflowErrorCodes"/>).</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status the server answered with, or null for the local store and transport failures.</summary>
    public int? HttpStatus { get; }
}

/// <summary>The thing asked for does not exist (<c>RESOURCE_DOES_NOT_EXIST</c>, HTTP 404).</summary>
public sealed class MlflowNotFoundException : MlflowException
{
    /// <inheritdoc cref="MlflowException(string, string?, int?, Exception?)"/>
    public MlflowNotFoundException(string message, string? errorCode = MlflowErrorCodes.ResourceDoesNotExist, int? httpStatus = null, Exception? innerException = null)
        : base(message, errorCode, httpStatus, innerException)
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public MlflowNotFoundException()
        : this("The MLflow resource does not exist.")
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public MlflowNotFoundException(string message, Exception innerException)
        : this(message, MlflowErrorCodes.ResourceDoesNotExist, null, innerException)
    {
    }
}

/// <summary>The thing to create exists already (<c>RESOURCE_ALREADY_EXISTS</c>; MLflow answers HTTP 400).</summary>
public sealed class MlflowAlreadyExistsException : MlflowException
{
    /// <inheritdoc cref="MlflowException(string, string?, int?, Exception?)"/>
    public MlflowAlreadyExistsException(string message, string? errorCode = MlflowErrorCodes.ResourceAlreadyExists, int? httpStatus = null, Exception? innerException = null)
        : base(message, errorCode, httpStatus, innerException)
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public MlflowAlreadyExistsException()
        : this("The MLflow resource already exists.")
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public MlflowAlreadyExistsException(string message, Exception innerException)
        : this(message, MlflowErrorCodes.ResourceAlreadyExists, null, innerException)
    {
    }
}

/// <summary>
/// A value breaks one of MLflow's rules (<c>INVALID_PARAMETER_VALUE</c> or <c>BAD_REQUEST</c>, HTTP 400), found by the
/// server or, before anything is sent, by the client. The message names the key and the rule.
/// </summary>
public sealed class MlflowInvalidParameterException : MlflowException
{
    /// <inheritdoc cref="MlflowException(string, string?, int?, Exception?)"/>
    public MlflowInvalidParameterException(string message, string? errorCode = MlflowErrorCodes.InvalidParameterValue, int? httpStatus = null, Exception? innerException = null)
        : base(message, errorCode, httpStatus, innerException)
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public MlflowInvalidParameterException()
        : this("An MLflow parameter value is invalid.")
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public MlflowInvalidParameterException(string message, Exception innerException)
        : this(message, MlflowErrorCodes.InvalidParameterValue, null, innerException)
    {
    }
}

/// <summary>
/// The server could not be reached or did not answer as MLflow does: connection failures, timeouts, retries used up,
/// and answers that are not MLflow JSON (such as a proxy's HTML 502 page).
/// </summary>
public sealed class MlflowNetworkException : MlflowException
{
    /// <inheritdoc cref="MlflowException(string, string?, int?, Exception?)"/>
    public MlflowNetworkException(string message, string? errorCode = MlflowErrorCodes.TemporarilyUnavailable, int? httpStatus = null, Exception? innerException = null)
        : base(message, errorCode, httpStatus, innerException)
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public MlflowNetworkException()
        : this("The MLflow tracking server could not be reached.")
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public MlflowNetworkException(string message, Exception innerException)
        : this(message, MlflowErrorCodes.TemporarilyUnavailable, null, innerException)
    {
    }
}

/// <summary>The server refused the credentials or the caller's rights (HTTP 401 / 403).</summary>
public sealed class MlflowPermissionDeniedException : MlflowException
{
    /// <inheritdoc cref="MlflowException(string, string?, int?, Exception?)"/>
    public MlflowPermissionDeniedException(string message, string? errorCode = MlflowErrorCodes.PermissionDenied, int? httpStatus = null, Exception? innerException = null)
        : base(message, errorCode, httpStatus, innerException)
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public MlflowPermissionDeniedException()
        : this("The MLflow tracking server denied access.")
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public MlflowPermissionDeniedException(string message, Exception innerException)
        : this(message, MlflowErrorCodes.PermissionDenied, null, innerException)
    {
    }
}
