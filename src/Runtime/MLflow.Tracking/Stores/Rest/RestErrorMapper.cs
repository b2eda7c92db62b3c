using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MLflow.Tracking.Stores.Rest.Json;

namespace MLflow.Tracking.Stores.Rest;

/// <summary>Turns an MLflow error answer into a typed <see cref="MlflowException"/>.</summary>
internal static partial class RestErrorMapper
{
    private const int MaxExcerpt = 300;

    public static MlflowException FromResponse(string method, string path, int status, string? reasonPhrase, string? contentType, string body, int attempts)
    {
        var error = TryParseError(contentType, body);
        var statusText = status.ToString(CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(reasonPhrase) ? string.Empty : " " + reasonPhrase);
        var attemptText = attempts > 1 ? $" after {attempts.ToString(CultureInfo.InvariantCulture)} attempts" : string.Empty;

        if (status is 401 or 403)
        {
            var detail = error?.Message ?? Excerpt(body);
            return new MlflowPermissionDeniedException($"MLflow denied {method} {path} (HTTP {statusText}): {detail}", error?.ErrorCode ?? MlflowErrorCodes.PermissionDenied, status);
        }

        if (error is null)
        {
            // Not MLflow's JSON: an unknown route, a wrong method, or a proxy's page.
            return new MlflowNetworkException(
                $"MLflow request {method} {path} failed{attemptText}: HTTP {statusText} with a non-MLflow answer: {Excerpt(body)}",
                status == 404 ? MlflowErrorCodes.EndpointNotFound : MlflowErrorCodes.TemporarilyUnavailable,
                status);
        }

        var code = error.ErrorCode!;
        var message = error.Message ?? string.Empty;
        if (RetryPolicy.IsRetryableStatus(status) && status != 500)
        {
            return new MlflowNetworkException($"MLflow request {method} {path} failed{attemptText}: HTTP {statusText} {code}: {message}", code, status);
        }

        if (attempts > 1)
        {
            message = $"{message} (HTTP {statusText}{attemptText}, {method} {path})";
        }

        return code switch
        {
            MlflowErrorCodes.ResourceDoesNotExist => new MlflowNotFoundException(message, code, status),
            MlflowErrorCodes.ResourceAlreadyExists => new MlflowAlreadyExistsException(message, code, status),
            MlflowErrorCodes.InvalidParameterValue or MlflowErrorCodes.BadRequest => new MlflowInvalidParameterException(message, code, status),
            MlflowErrorCodes.PermissionDenied or "UNAUTHENTICATED" => new MlflowPermissionDeniedException(message, code, status),
            _ => new MlflowException(message, code, status),
        };
    }

    private static ErrorResponseDto? TryParseError(string? contentType, string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        _ = contentType;
        try
        {
            var error = JsonSerializer.Deserialize(body, MlflowJsonContext.Default.ErrorResponseDto);
            return error?.ErrorCode is { Length: > 0 } ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A short, single-line excerpt of a body: the title of an HTML page, else its first characters.</summary>
    public static string Excerpt(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(empty body)";
        }

        var title = TitlePattern().Match(body);
        var text = title.Success ? title.Groups[1].Value : TagPattern().Replace(body, " ");
        text = WhitespacePattern().Replace(text, " ").Trim();
        if (text.Length > MaxExcerpt)
        {
            var builder = new StringBuilder(text, 0, MaxExcerpt, MaxExcerpt + 1);
            builder.Append('…');
            text = builder.ToString();
        }

        return text;
    }

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitlePattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
