using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Artifacts;
using MLflow.Tracking.Stores;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking;

/// <summary>
/// A run's artifacts: <c>client.Artifacts</c>. Files land where MLflow's own client puts them — through the tracking
/// server's proxy for <c>mlflow-artifacts:</c> roots, directly on disk for <c>file:</c> and local roots (the embedded
/// <c>sqlite:///mlflow.db</c> default writes <c>./mlruns/&lt;experiment&gt;/&lt;run&gt;/artifacts/</c>) — so
/// <c>mlflow ui</c> shows them. Uploads stream from disk; paths are checked before anything is sent.
/// </summary>
/// <remarks>
/// An artifact path is relative to the run's artifact root and uses '/': <c>..</c>, <c>.</c> and empty segments,
/// backslashes, absolute paths and drives are refused with <see cref="MlflowInvalidParameterException"/>.
/// Other schemes (<c>s3:</c>, <c>gs:</c>, <c>wasbs:</c>, <c>dbfs:</c>…) need an <see cref="IArtifactRepository"/>
/// registered in <see cref="MlflowOptions.ArtifactRepositories"/>; without one they fail with
/// <see cref="NotSupportedException"/> naming the scheme.
/// </remarks>
public sealed class ArtifactsClient
{
    /// <summary>Uploads at least this large are logged (at Information) as they start.</summary>
    public const long LargeUploadBytes = 16 * 1024 * 1024;

    private static readonly JsonSerializerOptions DictJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ArtifactRepositoryResolver _resolver;
    private readonly ILogger _logger;

    internal ArtifactsClient(MlflowStore store, ArtifactRepositoryRegistry registry, ILogger logger)
    {
        _resolver = new ArtifactRepositoryResolver(store, registry);
        _logger = logger;
    }

    /// <summary>The repository that holds <paramref name="runId"/>'s artifacts (chosen by the scheme of its artifact URI).</summary>
    /// <exception cref="NotSupportedException">No repository serves the run's artifact URI scheme.</exception>
    public Task<IArtifactRepository> GetRepositoryAsync(string runId, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        return _resolver.ForRunAsync(runId, cancellationToken);
    }

    /// <summary>
    /// Uploads a local file as <c>artifactPath/&lt;file name&gt;</c> (MLflow's <c>log_artifact</c>), streaming it
    /// from disk; an existing artifact of that path is replaced.
    /// </summary>
    /// <param name="runId">The run.</param>
    /// <param name="localPath">The file to upload.</param>
    /// <param name="artifactPath">The directory under the run's artifact root; the root when null.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The artifact's path under the root.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names it).</exception>
    /// <exception cref="MlflowInvalidParameterException">The artifact path or the file name breaks a rule.</exception>
    public async Task<string> UploadAsync(string runId, string localPath, string? artifactPath = null, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        var fullPath = Path.GetFullPath(localPath);
        var target = ArtifactPaths.Combine(ArtifactPaths.Normalize(artifactPath), ArtifactPaths.FileName(fullPath));
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The artifact file '{fullPath}' does not exist.", fullPath);
        }

        var repository = await _resolver.ForRunAsync(runId, cancellationToken).ConfigureAwait(false);
        await UploadFileAsync(repository, runId, fullPath, target, cancellationToken).ConfigureAwait(false);
        return target;
    }

    /// <summary>
    /// Uploads every file under a local directory, keeping its layout under <paramref name="artifactPath"/> (MLflow's
    /// <c>log_artifacts</c>). Symbolic links are not followed out of the directory: a linked file whose target lies
    /// outside, and any linked directory, are skipped with a warning.
    /// </summary>
    /// <returns>The artifact paths uploaded, in order.</returns>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist (the message names it).</exception>
    public async Task<IReadOnlyList<string>> UploadDirectoryAsync(string runId, string localDirectory, string? artifactPath = null, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        ArgumentException.ThrowIfNullOrEmpty(localDirectory);
        var files = ArtifactDirectoryWalker.Walk(localDirectory, ArtifactPaths.Normalize(artifactPath), _logger);
        var repository = await _resolver.ForRunAsync(runId, cancellationToken).ConfigureAwait(false);
        var uploaded = new List<string>(files.Count);
        foreach (var (local, target) in files)
        {
            await UploadFileAsync(repository, runId, local, target, cancellationToken).ConfigureAwait(false);
            uploaded.Add(target);
        }

        return uploaded;
    }

    /// <summary>Uploads <paramref name="content"/> (read to its end, streaming) as the artifact file <paramref name="artifactFile"/>.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="content">The bytes; a seekable stream can be sent again if a retry needs it.</param>
    /// <param name="artifactFile">The file's path under the run's artifact root, such as <c>model/weights.bin</c>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public async Task UploadStreamAsync(string runId, Stream content, string artifactFile, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        ArgumentNullException.ThrowIfNull(content);
        var target = RequireFile(artifactFile);
        var repository = await _resolver.ForRunAsync(runId, cancellationToken).ConfigureAwait(false);
        await repository.UploadAsync(content, target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark) to the artifact file <paramref name="artifactFile"/> (MLflow's <c>log_text</c>).</summary>
    public Task UploadTextAsync(string runId, string text, string artifactFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return UploadBytesAsync(runId, Utf8.GetBytes(text), artifactFile, cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="value"/> as indented JSON (two spaces, as MLflow's <c>log_dict</c> writes with
    /// <c>json.dump(indent=2)</c>; non-ASCII kept as UTF-8) to <paramref name="artifactFile"/>. YAML is not written:
    /// a <c>.yaml</c>/<c>.yml</c> file name is refused rather than given JSON content.
    /// </summary>
    /// <exception cref="MlflowInvalidParameterException">The file name ends in .yaml or .yml, or the path breaks a rule.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public Task UploadJsonAsync(string runId, JsonNode? value, string artifactFile, CancellationToken cancellationToken = default) =>
        UploadTextAsync(runId, RenderJson(value, artifactFile), artifactFile, cancellationToken);

    /// <summary>The text <see cref="UploadJsonAsync(string, JsonNode?, string, CancellationToken)"/> writes (a .yaml/.yml name is refused).</summary>
    internal static string RenderJson(JsonNode? value, string artifactFile)
    {
        RefuseYaml(artifactFile);
        return value is null ? "null" : value.ToJsonString(DictJson);
    }

    /// <summary>Writes <paramref name="value"/> as indented JSON with a source-generated <paramref name="typeInfo"/> (AOT-safe); see <see cref="UploadJsonAsync(string, JsonNode?, string, CancellationToken)"/>.</summary>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public Task UploadJsonAsync<T>(string runId, T value, JsonTypeInfo<T> typeInfo, string artifactFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        RefuseYaml(artifactFile);
        var node = JsonSerializer.SerializeToNode(value, typeInfo);
        return UploadJsonAsync(runId, node, artifactFile, cancellationToken);
    }

    /// <summary>
    /// Writes a dictionary as indented JSON (MLflow's <c>log_dict</c>). Values may be null, strings, booleans,
    /// numbers, <see cref="JsonNode"/>s, nested string-keyed dictionaries and sequences of those.
    /// </summary>
    /// <exception cref="MlflowInvalidParameterException">A value has another type (the message names its key), or the file is .yaml/.yml.</exception>
    public Task UploadDictAsync(string runId, IEnumerable<KeyValuePair<string, object?>> dictionary, string artifactFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        RefuseYaml(artifactFile);
        return UploadJsonAsync(runId, DictionaryJson.ToNode(dictionary), artifactFile, cancellationToken);
    }

    /// <summary>Lists the direct children of <paramref name="path"/> (the root when null), sorted by path; empty when it does not exist.</summary>
    /// <returns>Entries whose paths are relative to the run's artifact root, as MLflow's <c>list_artifacts</c>.</returns>
    public async Task<IReadOnlyList<ArtifactFileInfo>> ListAsync(string runId, string? path = null, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        var directory = ArtifactPaths.Normalize(path);
        var repository = await _resolver.ForRunAsync(runId, cancellationToken).ConfigureAwait(false);
        return await repository.ListAsync(directory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies the artifact file <paramref name="artifactPath"/> into <paramref name="destination"/>, streaming.</summary>
    /// <exception cref="MlflowNotFoundException">There is no such artifact file.</exception>
    public async Task DownloadAsync(string runId, string artifactPath, Stream destination, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        ArgumentNullException.ThrowIfNull(destination);
        var source = RequireFile(artifactPath);
        var repository = await _resolver.ForRunAsync(runId, cancellationToken).ConfigureAwait(false);
        await repository.DownloadAsync(source, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads the artifact file or directory <paramref name="artifactPath"/> into the local directory
    /// <paramref name="destinationDirectory"/> (created when missing), keeping its name and layout, as MLflow's
    /// <c>download_artifacts</c>. The whole root when <paramref name="artifactPath"/> is null or empty.
    /// </summary>
    /// <returns>The local path of the downloaded file or directory.</returns>
    /// <exception cref="MlflowNotFoundException">There is no such artifact.</exception>
    public async Task<string> DownloadToDirectoryAsync(string runId, string? artifactPath, string destinationDirectory, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        ArgumentException.ThrowIfNullOrEmpty(destinationDirectory);
        var source = ArtifactPaths.Normalize(artifactPath);
        var repository = await _resolver.ForRunAsync(runId, cancellationToken).ConfigureAwait(false);
        var destinationRoot = Path.GetFullPath(destinationDirectory);
        var entries = await repository.ListAsync(source, cancellationToken).ConfigureAwait(false);
        var local = source.Length == 0 ? destinationRoot : Path.Combine(destinationRoot, source.Replace('/', Path.DirectorySeparatorChar));
        if (entries.Count == 0 && source.Length > 0)
        {
            await DownloadFileAsync(repository, source, local, cancellationToken).ConfigureAwait(false);
            return local;
        }

        Directory.CreateDirectory(local);
        await DownloadTreeAsync(repository, entries, destinationRoot, cancellationToken).ConfigureAwait(false);
        return local;
    }

    /// <summary>Deletes the artifact file or directory <paramref name="artifactPath"/>.</summary>
    public async Task DeleteAsync(string runId, string artifactPath, CancellationToken cancellationToken = default)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        var target = RequireFile(artifactPath);
        var repository = await _resolver.ForRunAsync(runId, cancellationToken).ConfigureAwait(false);
        await repository.DeleteAsync(target, cancellationToken).ConfigureAwait(false);
    }

    private async Task UploadBytesAsync(string runId, byte[] bytes, string artifactFile, CancellationToken cancellationToken)
    {
        MlflowValidation.ValidateId(runId, "run_id");
        var target = RequireFile(artifactFile);
        var repository = await _resolver.ForRunAsync(runId, cancellationToken).ConfigureAwait(false);
        using var content = new MemoryStream(bytes, writable: false);
        await repository.UploadAsync(content, target, cancellationToken).ConfigureAwait(false);
    }

    private async Task UploadFileAsync(IArtifactRepository repository, string runId, string localPath, string target, CancellationToken cancellationToken)
    {
        var stream = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            if (stream.Length >= LargeUploadBytes)
            {
                ArtifactsLog.UploadingLarge(_logger, target, runId, stream.Length);
            }

            await repository.UploadAsync(stream, target, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task DownloadTreeAsync(IArtifactRepository repository, IReadOnlyList<ArtifactFileInfo> entries, string destinationRoot, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            // Listed names come from the store; they are checked like any path before a local file is written.
            var path = ArtifactPaths.Normalize(entry.Path, "Artifact path listed by the store");
            var local = Path.Combine(destinationRoot, path.Replace('/', Path.DirectorySeparatorChar));
            if (entry.IsDirectory)
            {
                Directory.CreateDirectory(local);
                var children = await repository.ListAsync(path, cancellationToken).ConfigureAwait(false);
                await DownloadTreeAsync(repository, children, destinationRoot, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await DownloadFileAsync(repository, path, local, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task DownloadFileAsync(IArtifactRepository repository, string artifactPath, string localPath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(localPath)!);
        var partial = localPath + ".download";
        try
        {
            var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (output.ConfigureAwait(false))
            {
                await repository.DownloadAsync(artifactPath, output, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, localPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    /// <summary>The normalized path of an artifact file (not the root); refused like any path that breaks a rule.</summary>
    internal static string RequireFile(string artifactFile)
    {
        var path = ArtifactPaths.Normalize(artifactFile, "Artifact file");
        if (path.Length == 0)
        {
            throw new MlflowInvalidParameterException("Artifact file '' is refused: it must name a file under the run's artifact root.");
        }

        return path;
    }

    private static void RefuseYaml(string artifactFile)
    {
        var extension = Path.GetExtension(artifactFile ?? string.Empty);
        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            throw new MlflowInvalidParameterException($"Artifact file '{artifactFile}' is refused: MLflow.Tracking writes dictionaries as JSON only (no YAML writer that is AOT-safe ships with .NET); use a .json file name.");
        }
    }
}
