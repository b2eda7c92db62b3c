using System.Globalization;

namespace MLflow.Tracking.Search;

/// <summary>Builds MLflow's INVALID_PARAMETER_VALUE errors for filters, with where the text is wrong.</summary>
internal static class SearchErrors
{
    /// <summary>MLflow's message, then the position (0-based) and the token.</summary>
    public static MlflowInvalidParameterException At(string message, int position, string token) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{message} (at position {position}, near '{token}')"));

    /// <summary>MLflow's message as is.</summary>
    public static MlflowInvalidParameterException Plain(string message) => new(message);
}
