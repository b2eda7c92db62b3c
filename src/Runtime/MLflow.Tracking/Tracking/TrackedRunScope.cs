using System;
using System.ComponentModel;
using System.IO;

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

    /// <summary>
    /// Logs a <c>[LogArtifact]</c> text result as the UTF-8 artifact file <paramref name="artifactFile"/>, as
    /// <see cref="ActiveRun.LogText"/> does. Null logs nothing. Never throws: a failure is reported through
    /// <see cref="ReportReadFailure"/>.
    /// </summary>
    /// <param name="artifactFile">The artifact file's path under the run's artifact root.</param>
    /// <param name="text">The value the tracked call returned.</param>
    public void LogResultArtifact(string artifactFile, string? text)
    {
        if (text is null)
        {
            return;
        }

        try
        {
            LogText(text, artifactFile);
        }
#pragma warning disable CA1031 // An artifact that cannot be logged costs that artifact, never the user's call.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ReportReadFailure(artifactFile, exception);
        }
    }

    /// <summary>Logs a <c>[LogArtifact]</c> <c>byte[]</c> result, copied now (the caller may reuse the array). Null logs nothing; never throws.</summary>
    /// <param name="artifactFile">The artifact file's path under the run's artifact root.</param>
    /// <param name="content">The value the tracked call returned.</param>
    public void LogResultArtifact(string artifactFile, byte[]? content)
    {
        if (content is not null)
        {
            LogResultArtifact(artifactFile, new ReadOnlyMemory<byte>(content));
        }
    }

    /// <summary>Logs a <c>[LogArtifact]</c> <see cref="ReadOnlyMemory{T}"/> result, copied now (the caller may reuse the buffer); never throws.</summary>
    /// <param name="artifactFile">The artifact file's path under the run's artifact root.</param>
    /// <param name="content">The value the tracked call returned.</param>
    public void LogResultArtifact(string artifactFile, ReadOnlyMemory<byte> content)
    {
        try
        {
            LogArtifactContent(content.ToArray(), artifactFile);
        }
#pragma warning disable CA1031 // An artifact that cannot be logged costs that artifact, never the user's call.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ReportReadFailure(artifactFile, exception);
        }
    }

    /// <summary>
    /// Logs a <c>[LogArtifact]</c> stream result: a seekable stream is copied now from its position to its end and put
    /// back at that position, so the caller gets it as it was returned (and may dispose it); it is not disposed here.
    /// A non-seekable stream is not read, since reading would consume the caller's result: it is reported (as a
    /// <see cref="NotSupportedException"/>) and logs nothing. Null logs nothing; never throws.
    /// </summary>
    /// <param name="artifactFile">The artifact file's path under the run's artifact root.</param>
    /// <param name="content">The value the tracked call returned.</param>
    public void LogResultArtifact(string artifactFile, Stream? content)
    {
        if (content is null)
        {
            return;
        }

        try
        {
            if (!content.CanSeek)
            {
                ReportReadFailure(artifactFile, new NotSupportedException("The stream cannot seek: reading it would consume the result the caller receives."));
                return;
            }

            var position = content.Position;
            byte[] copy;
            try
            {
                using var buffer = new MemoryStream((int)Math.Clamp(content.Length - position, 0, int.MaxValue));
                content.CopyTo(buffer);
                copy = buffer.ToArray();
            }
            finally
            {
                content.Position = position;
            }

            LogArtifactContent(copy, artifactFile);
        }
#pragma warning disable CA1031 // An artifact that cannot be logged costs that artifact, never the user's call.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ReportReadFailure(artifactFile, exception);
        }
    }

    /// <summary>
    /// Logs a <c>[LogArtifact]</c> <see cref="FileInfo"/> result: the file is streamed from disk when the run's
    /// pipeline delivers it (so it must still exist then), as <see cref="ActiveRun.LogArtifact"/> does. Null logs
    /// nothing; never throws.
    /// </summary>
    /// <param name="artifactFile">The artifact file's path under the run's artifact root; the file's own name at the root when null.</param>
    /// <param name="file">The value the tracked call returned.</param>
    public void LogResultArtifact(string? artifactFile, FileInfo? file)
    {
        if (file is null)
        {
            return;
        }

        try
        {
            LogArtifactFile(file.FullName, artifactFile ?? file.Name);
        }
#pragma warning disable CA1031 // An artifact that cannot be logged costs that artifact, never the user's call.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ReportReadFailure(artifactFile ?? file.Name, exception);
        }
    }

    /// <summary>
    /// Queues <paramref name="content"/> (owned by the run from now on) as the artifact file
    /// <paramref name="artifactFile"/>. Trackers other than BackgroundRunTracker override it to receive byte and stream
    /// results; the default throws, which the entry points report, and the call goes on.
    /// </summary>
    /// <param name="content">The bytes, already copied from the result.</param>
    /// <param name="artifactFile">The artifact file's path under the run's artifact root.</param>
    protected virtual void LogArtifactContent(byte[] content, string artifactFile) =>
        throw new NotSupportedException($"{GetType().Name} does not log artifacts; runs of BackgroundRunTracker (and MlflowFake) do.");

    /// <summary>Queues the local file <paramref name="fullPath"/>, read at delivery, as the artifact file <paramref name="artifactFile"/>; see <see cref="LogArtifactContent"/>.</summary>
    /// <param name="fullPath">The file's full local path.</param>
    /// <param name="artifactFile">The artifact file's path under the run's artifact root.</param>
    protected virtual void LogArtifactFile(string fullPath, string artifactFile) =>
        throw new NotSupportedException($"{GetType().Name} does not log artifacts; runs of BackgroundRunTracker (and MlflowFake) do.");
}
