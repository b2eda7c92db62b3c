using System;
using System.IO;

namespace MLflow.Tracking.DynamicProxy;

/// <summary>
/// Logs one <see cref="LogArtifactAttribute"/> value of a call's result, the result itself or one of its members,
/// through the same <see cref="TrackedRunScope"/> entry points the generated code calls. A getter that throws costs
/// that artifact (reported to the run), never the call; null logs nothing.
/// </summary>
internal sealed class ArtifactLogger
{
    private readonly string? _path;
    private readonly string _key;
    private readonly Func<object, object?>? _getter;

    /// <summary>An artifact of <paramref name="getter"/>'s value, or of the result itself when null.</summary>
    /// <param name="path">The artifact file's path; null for a <see cref="FileInfo"/> that keeps its own name.</param>
    /// <param name="name">The member's (or method's) name, reported when a getter throws and there is no path.</param>
    /// <param name="getter">Reads the member from the result, or null for the result itself.</param>
    public ArtifactLogger(string? path, string name, Func<object, object?>? getter)
    {
        _path = path;
        _key = path ?? name;
        _getter = getter;
    }

    public void Log(TrackedRunScope run, object result)
    {
        if (!ResultValueReader.TryRead(run, _key, _getter, result, out var value))
        {
            return;
        }

        // The declared type was checked when the plan was built (ArtifactRules); the value's type picks the overload.
        switch (value)
        {
            case string text:
                run.LogResultArtifact(_key, text);
                break;
            case byte[] bytes:
                run.LogResultArtifact(_key, bytes);
                break;
            case ReadOnlyMemory<byte> memory:
                run.LogResultArtifact(_key, memory);
                break;
            case Stream stream:
                run.LogResultArtifact(_key, stream);
                break;
            case FileInfo file:
                run.LogResultArtifact(_path, file);
                break;
        }
    }
}
