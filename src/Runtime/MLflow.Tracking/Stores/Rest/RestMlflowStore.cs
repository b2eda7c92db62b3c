using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Stores.Rest;

/// <summary>PLACEHOLDER for the REST store (issue 2): replace this file.</summary>
public sealed partial class RestMlflowStore
{
    /// <summary>Placeholder.</summary>
    public static IMlflowStore Create(Uri serverUri, MlflowOptions options, ILoggerFactory loggerFactory, HttpClient? httpClient) => throw new NotImplementedException();
}
