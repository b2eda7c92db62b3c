namespace MLflow.Tracking.Shared;

/// <summary>How a <c>[LogArtifact]</c> value becomes an artifact file, decided by its declared type.</summary>
internal enum ArtifactKind
{
    /// <summary>No artifact can be made of it (MLFLOW011).</summary>
    Unsupported,

    /// <summary><c>string</c>: written as UTF-8 text, as <c>LogText</c> writes it.</summary>
    Text,

    /// <summary><c>byte[]</c>: the bytes, copied when the call returns.</summary>
    Bytes,

    /// <summary><c>ReadOnlyMemory&lt;byte&gt;</c>: the bytes, copied when the call returns.</summary>
    Memory,

    /// <summary><c>Stream</c> or a type derived from it: a seekable stream is copied from its position (then rewound to it).</summary>
    Stream,

    /// <summary><c>FileInfo</c>: the file, streamed from disk when delivered (named after it unless the attribute names the artifact).</summary>
    File,
}

/// <summary>
/// What a <c>[LogArtifact]</c> can hand back, and MLflow's artifact path rule, decided once for the runtime (which
/// checks every path before anything is sent or written), the generator, the analyzers (MLFLOW011) and the
/// DynamicProxy. Types are named as <see cref="CanonicalName"/> builds them from Roslyn symbols or <c>System.Type</c>s.
/// </summary>
internal static class ArtifactRules
{
    /// <summary>The supported types in words, for diagnostics and docs.</summary>
    public const string SupportedTypes = "string, byte[], ReadOnlyMemory<byte>, Stream (or a type derived from it) or FileInfo";

    /// <summary>
    /// The kind of a value of the named type: <c>System.String</c>, <c>System.Byte[]</c>,
    /// <c>System.ReadOnlyMemory`1[System.Byte]</c>, <c>System.IO.FileInfo</c>, <c>System.IO.Stream</c>. Callers ask
    /// again for each base type of a class, so that every stream type is a <see cref="ArtifactKind.Stream"/>.
    /// </summary>
    public static ArtifactKind KindOf(string canonicalName) => canonicalName switch
    {
        "System.String" => ArtifactKind.Text,
        "System.Byte[]" => ArtifactKind.Bytes,
        "System.ReadOnlyMemory`1[System.Byte]" => ArtifactKind.Memory,
        "System.IO.Stream" => ArtifactKind.Stream,
        "System.IO.FileInfo" => ArtifactKind.File,
        _ => ArtifactKind.Unsupported,
    };

    /// <summary>
    /// The name <see cref="KindOf"/> expects: the full metadata name (<c>System.IO.Stream</c>), an array's element
    /// name with <c>[]</c>, or a generic definition's name with its one type argument in brackets.
    /// </summary>
    public static string CanonicalName(string fullMetadataName, bool isArray = false, string? typeArgument = null) =>
        isArray ? fullMetadataName + "[]" : typeArgument is null ? fullMetadataName : fullMetadataName + "[" + typeArgument + "]";

    /// <summary>
    /// The first rule an artifact path breaks, in words, or null when it is valid; <paramref name="normalized"/> is
    /// the path without trailing '/'. Paths are relative to the run's artifact root and '/'-separated: backslashes,
    /// absolute paths and drives, control characters, and '..', '.' or empty segments are refused (MLflow's server
    /// refuses such paths with HTTP 400 "Invalid path"; a local root would be written outside the run). Null and
    /// empty are the root itself and valid here; <see cref="CheckFile"/> also refuses them.
    /// </summary>
    public static string? CheckPath(string? path, out string normalized)
    {
        normalized = string.Empty;
        if (path is null || path.Length == 0)
        {
            return null;
        }

        if (path.IndexOf('\\') >= 0)
        {
            return "use '/' as the separator; backslashes are refused";
        }

        if (path[0] == '/' || (path.Length >= 2 && path[1] == ':' && IsAsciiLetter(path[0])))
        {
            return "it must be relative to the run's artifact root, not absolute or rooted";
        }

        foreach (var c in path)
        {
            if (char.IsControl(c))
            {
                return "control characters are refused";
            }
        }

        var trimmed = path.TrimEnd('/');
        foreach (var segment in trimmed.Split('/'))
        {
            if (segment == "..")
            {
                return "'..' segments would leave the run's artifact root";
            }

            if (segment is "." or "")
            {
                return "'.' and empty segments are refused";
            }
        }

        normalized = trimmed;
        return null;
    }

    /// <summary>As <see cref="CheckPath"/>, for a path that must name a file: also refuses empty paths and a trailing '/'.</summary>
    public static string? CheckFile(string? path, out string normalized)
    {
        var rule = CheckPath(path, out normalized);
        if (rule is not null)
        {
            return rule;
        }

        if (normalized.Length == 0)
        {
            return "it must name a file under the run's artifact root";
        }

        return normalized.Length != path!.Length ? "it must name a file, not a directory (no trailing '/')" : null;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
