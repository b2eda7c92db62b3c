using System;
using System.ComponentModel;

namespace MLflow.Tracking;

/// <summary>
/// The handle a tracked call holds on its run: generated wrappers (and the DynamicProxy interceptor) end it with
/// <see cref="Complete"/> or <see cref="Fail"/>, then <see cref="Dispose"/> it, which restores the previous
/// <see cref="ActiveRun.Current"/>. Not meant for user code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class TrackedRunScope : ActiveRun, IDisposable
{
    /// <summary>Ends the run as FINISHED.</summary>
    public abstract void Complete();

    /// <summary>
    /// Ends the run as KILLED (<see cref="OperationCanceledException"/>) or FAILED with <c>error.type</c> and
    /// <c>error.message</c> tags. Returns false, so it can sit in an exception filter and leave the exception and its
    /// stack trace untouched: <c>catch (Exception e) when (scope.Fail(e)) { }</c>.
    /// </summary>
    public abstract bool Fail(Exception exception);

    /// <summary>Ends the run if nothing ended it (as FINISHED) and restores the previous current run.</summary>
    public abstract void Dispose();

    /// <summary>
    /// Reports that reading a param or metric value (a property getter, a <c>ToString</c>) threw: that one value is
    /// not logged and the call goes on. The default tracker logs a warning naming the key and the exception type
    /// (never its message, which could carry the value).
    /// </summary>
    /// <param name="key">The param or metric key whose value could not be read.</param>
    /// <param name="exception">What the read threw.</param>
    public virtual void ReportReadFailure(string key, Exception exception)
    {
    }
}
