using System;

namespace MLflow.Tracking.DynamicProxy;

/// <summary>
/// Reads the value a <see cref="MetricLogger"/> or <see cref="ArtifactLogger"/> logs from a call's result: the result
/// itself, or one of its members. A getter that throws costs that one value (reported to the run under its key), never
/// the user's call, as in the generated code.
/// </summary>
internal static class ResultValueReader
{
    /// <summary>The value of <paramref name="getter"/> on <paramref name="result"/> (the result when null); false when the getter threw.</summary>
    public static bool TryRead(TrackedRunScope run, string key, Func<object, object?>? getter, object result, out object? value)
    {
        try
        {
            value = getter is null ? result : getter(result);
            return true;
        }
#pragma warning disable CA1031 // A throwing getter costs this value, never the user's call.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            run.ReportReadFailure(key, exception);
            value = null;
            return false;
        }
    }
}
