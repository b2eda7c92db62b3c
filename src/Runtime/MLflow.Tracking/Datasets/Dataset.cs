using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Datasets;

/// <summary>
/// A data set as MLflow describes it when a run logs it as an input (<c>mlflow.entities.Dataset</c>): a name and a
/// digest that together identify it within an experiment, where it came from, and optionally its schema and profile.
/// </summary>
public sealed record Dataset
{
    /// <summary>The longest name MLflow stores.</summary>
    public const int MaxNameLength = 500;

    /// <summary>The longest digest MLflow stores.</summary>
    public const int MaxDigestLength = 36;

    /// <summary>The longest source type MLflow stores.</summary>
    public const int MaxSourceTypeLength = 36;

    /// <summary>The longest source MLflow stores.</summary>
    public const int MaxSourceLength = 65535;

    /// <summary>The longest schema MLflow stores.</summary>
    public const int MaxSchemaLength = 1048575;

    /// <summary>The longest profile MLflow stores.</summary>
    public const int MaxProfileLength = 16384;

    /// <summary>Creates a dataset description.</summary>
    /// <param name="name">The name, such as <c>points</c>.</param>
    /// <param name="digest">A short content hash (at most 36 characters); the same name and digest is the same dataset.</param>
    /// <param name="sourceType">What kind of source it is: <c>local</c>, <c>http</c>, <c>s3</c>, <c>code</c>…</param>
    /// <param name="source">The source as JSON, such as <c>{"uri": "/data/points.csv"}</c>.</param>
    public Dataset(string name, string digest, string sourceType, string source)
    {
        Name = name;
        Digest = digest;
        SourceType = sourceType;
        Source = source;
    }

    /// <summary>The dataset's name.</summary>
    public string Name { get; init; }

    /// <summary>The dataset's digest (empty when unknown, as MLflow stores a missing one).</summary>
    public string Digest { get; init; }

    /// <summary>The kind of source (<c>local</c>, <c>http</c>, <c>s3</c>…).</summary>
    public string SourceType { get; init; }

    /// <summary>The source as JSON, such as <c>{"uri": "/data/points.csv"}</c>.</summary>
    public string Source { get; init; }

    /// <summary>The schema as JSON (MLflow writes <c>{"mlflow_colspec": [...]}</c>), or null.</summary>
    public string? Schema { get; init; }

    /// <summary>The profile as JSON (for example <c>{"num_rows": 200}</c>), or null.</summary>
    public string? Profile { get; init; }

    /// <summary>
    /// Describes a local file: named after the file unless <paramref name="name"/> is given, source type <c>local</c>,
    /// source <c>{"uri": "&lt;full path&gt;"}</c> and as digest the first 8 hex digits of the file's SHA-256 (read
    /// streaming, never whole into memory).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="name">The dataset name; the file name without extension when null.</param>
    /// <param name="cancellationToken">Cancels the hashing.</param>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names it).</exception>
    public static async Task<Dataset> FromFileAsync(string path, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The dataset file '{fullPath}' does not exist.", fullPath);
        }

        byte[] hash;
        var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        var digest = Convert.ToHexString(hash, 0, 4).ToLower(CultureInfo.InvariantCulture);
        var source = "{\"uri\": \"" + JsonEncodedText.Encode(fullPath, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"}";
        return new Dataset(name ?? Path.GetFileNameWithoutExtension(fullPath), digest, "local", source);
    }
}
