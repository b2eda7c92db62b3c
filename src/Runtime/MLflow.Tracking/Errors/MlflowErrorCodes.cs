namespace MLflow.Tracking;

/// <summary>MLflow's error codes (<c>databricks.ErrorCode</c>) that a tracking client meets.</summary>
public static class MlflowErrorCodes
{
    /// <summary>A value breaks a rule.</summary>
    public const string InvalidParameterValue = "INVALID_PARAMETER_VALUE";

    /// <summary>The resource does not exist.</summary>
    public const string ResourceDoesNotExist = "RESOURCE_DOES_NOT_EXIST";

    /// <summary>The resource exists already.</summary>
    public const string ResourceAlreadyExists = "RESOURCE_ALREADY_EXISTS";

    /// <summary>The request was malformed (MLflow also uses it for some database constraint failures).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The server failed.</summary>
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>The operation is not allowed in the resource's state.</summary>
    public const string InvalidState = "INVALID_STATE";

    /// <summary>Access was denied.</summary>
    public const string PermissionDenied = "PERMISSION_DENIED";

    /// <summary>The server is unavailable or unreachable (used for transport failures).</summary>
    public const string TemporarilyUnavailable = "TEMPORARILY_UNAVAILABLE";

    /// <summary>Too many requests.</summary>
    public const string RequestLimitExceeded = "REQUEST_LIMIT_EXCEEDED";

    /// <summary>The endpoint does not exist on this server.</summary>
    public const string EndpointNotFound = "ENDPOINT_NOT_FOUND";
}
