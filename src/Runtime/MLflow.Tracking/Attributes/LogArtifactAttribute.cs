using System;

namespace MLflow.Tracking;

/// <summary>
/// Logs a value as an MLflow artifact file when a <see cref="TrackedRunAttribute"/> method returns: on the return
/// value (<c>[return: LogArtifact("model.json")]</c>) or on a property or field of the returned type
/// (<c>[property: LogArtifact("weights.bin")] byte[] Weights</c>). A <see cref="Task{TResult}"/> or
/// <see cref="System.Threading.Tasks.ValueTask{TResult}"/> result is logged when it completes.
/// </summary>
/// <remarks>
/// <para>The value's declared type says how it is written:</para>
/// <list type="bullet">
/// <item><description><see cref="string"/>: UTF-8 text, as <see cref="ActiveRun.LogText"/> writes it.</description></item>
/// <item><description><c>byte[]</c> and <see cref="ReadOnlyMemory{T}"/> of <see cref="byte"/>: the bytes, copied when the call returns.</description></item>
/// <item><description><see cref="System.IO.Stream"/> (or a derived type): a seekable stream is copied from its position to its end when the call
/// returns, then put back at that position, so the caller receives it as returned (and may dispose it). A
/// non-seekable stream is not read (that would consume the caller's result): no artifact, and a warning.</description></item>
/// <item><description><see cref="System.IO.FileInfo"/>: the file, streamed from disk when the run's pipeline delivers it (it must still
/// exist then), as <see cref="ActiveRun.LogArtifact"/> does; named after the file unless a path is given.</description></item>
/// </list>
/// <para>
/// A null value logs nothing. The artifact travels in the run's ordered pipeline, before the run ends; a value
/// that cannot be read or an upload that fails is logged and counted, and never fails the call. Other types, invalid
/// paths and two artifacts of one method under the same path are reported at build time (MLFLOW011).
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.ReturnValue | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class LogArtifactAttribute : Attribute
{
    /// <summary>
    /// Logs the value under the member's own name at the artifact root (the method's name for a return value); a
    /// <see cref="System.IO.FileInfo"/> keeps its file name.
    /// </summary>
    public LogArtifactAttribute()
    {
    }

    /// <summary>Logs the value as the artifact file <paramref name="path"/>.</summary>
    /// <param name="path">The file's path under the run's artifact root, '/'-separated, such as <c>model/weights.json</c>.</param>
    public LogArtifactAttribute(string path)
    {
        Path = path;
    }

    /// <summary>The artifact file's path under the run's artifact root; the default name when null.</summary>
    public string? Path { get; }
}
