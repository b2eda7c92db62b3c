using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Datasets;
using MLflow.Tracking.Spool;
using MLflow.Tracking.Stores.Rest.Json;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// An artifact or a dataset input queued in a run's ordered pipeline (<see cref="RunOperationKind.Attachment"/>):
/// delivered one by one between the run's log batches, before its termination, with the same retries.
/// </summary>
/// <remarks>
/// Text and dictionaries are captured when logged (the caller may change its objects afterwards); files and
/// directories are read when delivered (so nothing large is copied on the caller's thread). When the store is
/// down and the run goes to the spool, a file or directory is spooled as its local path (read at replay), text as
/// its content, an input as its JSON.
/// </remarks>
internal abstract class RunAttachment
{
    /// <summary>What the log says this is: the artifact path or the dataset name, never content.</summary>
    public abstract string Describe { get; }

    /// <summary>The local file or directory this reads at delivery, or null.</summary>
    public virtual string? LocalPath => null;

    public abstract Task DeliverAsync(MlflowClient client, string runId, CancellationToken cancellationToken);

    public abstract SpoolItem ToSpoolItem();

    /// <summary>Reads back what <see cref="ToSpoolItem"/> wrote; null when the kind is not an attachment.</summary>
    public static RunAttachment? FromSpoolItem(SpoolItem item) => item.Kind switch
    {
        FileAttachment.SpoolKind => new FileAttachment(item.Text ?? string.Empty, NullIfEmpty(item.Key)),
        DirectoryAttachment.SpoolKind => new DirectoryAttachment(item.Text ?? string.Empty, NullIfEmpty(item.Key)),
        TextAttachment.SpoolKind => new TextAttachment(item.Text ?? string.Empty, item.Key),
        ContentAttachment.SpoolKind => new ContentAttachment(Convert.FromBase64String(item.Text ?? string.Empty), item.Key),
        NamedFileAttachment.SpoolKind => new NamedFileAttachment(item.Text ?? string.Empty, item.Key),
        InputAttachment.SpoolKind => new InputAttachment(DatasetMapper.ToModel(JsonSerializer.Deserialize(item.Text ?? "{}", MlflowJsonContext.Default.DatasetInputDto) ?? new DatasetInputDto())),
        _ => null,
    };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary><c>LogArtifact</c>: one local file, streamed from disk at delivery.</summary>
internal sealed class FileAttachment(string localPath, string? artifactPath) : RunAttachment
{
    public const char SpoolKind = 'F';

    public override string Describe => artifactPath is null ? System.IO.Path.GetFileName(localPath) : artifactPath + "/" + System.IO.Path.GetFileName(localPath);

    public override string? LocalPath => localPath;

    public override Task DeliverAsync(MlflowClient client, string runId, CancellationToken cancellationToken) =>
        client.Artifacts.UploadAsync(runId, localPath, artifactPath, cancellationToken);

    public override SpoolItem ToSpoolItem() => new() { Kind = SpoolKind, Key = artifactPath ?? string.Empty, Text = localPath };
}

/// <summary><c>LogArtifacts</c>: every file under a local directory, walked at delivery.</summary>
internal sealed class DirectoryAttachment(string localDirectory, string? artifactPath) : RunAttachment
{
    public const char SpoolKind = 'D';

    public override string Describe => artifactPath ?? "/";

    public override string? LocalPath => localDirectory;

    public override Task DeliverAsync(MlflowClient client, string runId, CancellationToken cancellationToken) =>
        client.Artifacts.UploadDirectoryAsync(runId, localDirectory, artifactPath, cancellationToken);

    public override SpoolItem ToSpoolItem() => new() { Kind = SpoolKind, Key = artifactPath ?? string.Empty, Text = localDirectory };
}

/// <summary><c>LogText</c> and <c>LogDict</c>: content captured at call time (dictionaries already rendered as JSON).</summary>
internal sealed class TextAttachment(string text, string artifactFile) : RunAttachment
{
    public const char SpoolKind = 'X';

    public override string Describe => artifactFile;

    public override Task DeliverAsync(MlflowClient client, string runId, CancellationToken cancellationToken) =>
        client.Artifacts.UploadTextAsync(runId, text, artifactFile, cancellationToken);

    public override SpoolItem ToSpoolItem() => new() { Kind = SpoolKind, Key = artifactFile, Text = text };
}

/// <summary>A <c>[LogArtifact]</c> result of bytes (<c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c>, a stream): copied when the call returned.</summary>
internal sealed class ContentAttachment(byte[] content, string artifactFile) : RunAttachment
{
    public const char SpoolKind = 'B';

    public override string Describe => artifactFile;

    public override Task DeliverAsync(MlflowClient client, string runId, CancellationToken cancellationToken) =>
        client.Artifacts.UploadStreamAsync(runId, new System.IO.MemoryStream(content, writable: false), artifactFile, cancellationToken);

    public override SpoolItem ToSpoolItem() => new() { Kind = SpoolKind, Key = artifactFile, Text = Convert.ToBase64String(content) };
}

/// <summary>A <c>[LogArtifact]</c> <c>FileInfo</c> result: the local file, streamed from disk at delivery, as the artifact file it names.</summary>
internal sealed class NamedFileAttachment(string localPath, string artifactFile) : RunAttachment
{
    public const char SpoolKind = 'N';

    public override string Describe => artifactFile;

    public override string? LocalPath => localPath;

    public override Task DeliverAsync(MlflowClient client, string runId, CancellationToken cancellationToken) =>
        client.Artifacts.UploadFileAsAsync(runId, localPath, artifactFile, cancellationToken);

    public override SpoolItem ToSpoolItem() => new() { Kind = SpoolKind, Key = artifactFile, Text = localPath };
}

/// <summary><c>LogInput</c>: one dataset with its context and tags.</summary>
internal sealed class InputAttachment(DatasetInput input) : RunAttachment
{
    public const char SpoolKind = 'I';

    public override string Describe => "dataset " + input.Dataset.Name;

    public override Task DeliverAsync(MlflowClient client, string runId, CancellationToken cancellationToken) =>
        client.Runs.LogInputsAsync(runId, [input], cancellationToken);

    public override SpoolItem ToSpoolItem() =>
        new() { Kind = SpoolKind, Key = input.Dataset.Name, Text = JsonSerializer.Serialize(DatasetMapper.ToDto(input), MlflowJsonContext.Default.DatasetInputDto) };
}
