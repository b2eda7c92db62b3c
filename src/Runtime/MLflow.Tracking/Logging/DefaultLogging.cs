using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MLflow.Tracking.Logging;

/// <summary>
/// Which logger factory MLflow.Tracking uses: the user's when given (then nothing of ours reaches standard error),
/// else standard error once per cause (<see cref="StandardErrorLoggerProvider"/>) unless
/// <see cref="MlflowOptions.LogToStandardError"/> turns it off.
/// </summary>
internal static class DefaultLogging
{
    private static readonly ILoggerFactory StandardError = new ProviderLoggerFactory(StandardErrorLoggerProvider.Shared);

    /// <summary><paramref name="given"/>, else the default that <paramref name="options"/> asks for (standard error when null).</summary>
    public static ILoggerFactory Resolve(ILoggerFactory? given, MlflowOptions? options) =>
        given ?? (options is null || options.LogToStandardError ? StandardError : NullLoggerFactory.Instance);

    // The smallest ILoggerFactory over one provider: the runtime references only Logging.Abstractions, and
    // LoggerFactory (filters, scopes, providers added later) lives in Microsoft.Extensions.Logging.
    internal sealed class ProviderLoggerFactory : ILoggerFactory
    {
        private readonly ILoggerProvider _provider;

        public ProviderLoggerFactory(ILoggerProvider provider) => _provider = provider;

        public ILogger CreateLogger(string categoryName) => _provider.CreateLogger(categoryName);

        public void AddProvider(ILoggerProvider provider) =>
            throw new System.NotSupportedException("MLflow.Tracking's standard-error logging takes no providers; pass your own ILoggerFactory instead.");

        public void Dispose()
        {
        }
    }
}
