using System;
using System.Collections.Generic;
using System.IO;

namespace MLflow.Tracking.Artifacts;

/// <summary>The Content-Type of an upload, guessed from the file extension as MLflow's client does (mimetypes), else octet-stream.</summary>
internal static class ArtifactContentTypes
{
    private const string Default = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text/plain",
        [".log"] = "text/plain",
        [".md"] = "text/markdown",
        [".csv"] = "text/csv",
        [".json"] = "application/json",
        [".yaml"] = "application/yaml",
        [".yml"] = "application/yaml",
        [".html"] = "text/html",
        [".xml"] = "application/xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".svg"] = "image/svg+xml",
        [".pdf"] = "application/pdf",
        [".zip"] = "application/zip",
        [".gz"] = "application/gzip",
    };

    public static string For(string artifactPath) =>
        ByExtension.TryGetValue(Path.GetExtension(artifactPath), out var type) ? type : Default;
}
