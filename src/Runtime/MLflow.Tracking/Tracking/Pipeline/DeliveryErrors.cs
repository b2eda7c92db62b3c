using System;
using System.IO;
using System.Net.Http;
using Microsoft.Data.Sqlite;

namespace MLflow.Tracking.Pipeline;

/// <summary>Sorts store failures into "retry later" and "give up on this item".</summary>
internal static class DeliveryErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>
    /// Whether <paramref name="exception"/> says the store is (for now) unreachable or overloaded, so the data should
    /// be kept and delivered later. Everything else is refused data: retrying would fail the same way.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        MlflowNetworkException => true,
        MlflowException mlflow => mlflow.HttpStatus is 408 or 429 or 502 or 503 or 504
            || mlflow.ErrorCode is MlflowErrorCodes.TemporarilyUnavailable or MlflowErrorCodes.RequestLimitExceeded
            || (mlflow.InnerException is { } inner && IsTransient(inner)),
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked, // another process holds the file
        HttpRequestException or TimeoutException or IOException => true,
        OperationCanceledException => true, // a timeout inside the store; the worker's own stop is filtered out before
        _ => false,
    };

    /// <summary>
    /// Whether a failed request certainly was not carried out: the store answered that it refused it for now (429,
    /// 503) or no connection was made. A timeout, a reset or a 502/504 after the request was sent leave it unknown.
    /// </summary>
    public static bool WasNotCarriedOut(Exception exception) => exception switch
    {
        MlflowException { HttpStatus: 429 or 503 } => true,
        MlflowException { InnerException: { } inner } => WasNotCarriedOut(inner),
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => true,
        _ => false,
    };
}
