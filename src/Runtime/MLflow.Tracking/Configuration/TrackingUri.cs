using System;
using System.IO;

namespace MLflow.Tracking;

/// <summary>Which kind of store a tracking URI names.</summary>
internal enum TrackingStoreKind
{
    /// <summary>A SQLite file in MLflow's schema.</summary>
    Sqlite,

    /// <summary>An MLflow tracking server over HTTP(S).</summary>
    Http,
}

/// <summary>A parsed MLflow tracking URI, resolved with MLflow's own rules.</summary>
internal sealed record TrackingUri
{
    private TrackingUri(string original, TrackingStoreKind kind, string? sqlitePath, Uri? serverUri)
    {
        Original = original;
        Kind = kind;
        SqlitePath = sqlitePath;
        ServerUri = serverUri;
    }

    /// <summary>The URI as given (or the default).</summary>
    public string Original { get; }

    /// <summary>The kind of store.</summary>
    public TrackingStoreKind Kind { get; }

    /// <summary>For <see cref="TrackingStoreKind.Sqlite"/>: the absolute path of the database file.</summary>
    public string? SqlitePath { get; }

    /// <summary>For <see cref="TrackingStoreKind.Http"/>: the server's base URI (ending in <c>/</c>).</summary>
    public Uri? ServerUri { get; }

    /// <summary>
    /// Parses <paramref name="uri"/>: null or empty is <c>sqlite:///mlflow.db</c>; <c>sqlite:///rel.db</c> is relative
    /// to <paramref name="baseDirectory"/> (the current directory by default); <c>sqlite:////abs.db</c> is absolute;
    /// <c>http://</c> and <c>https://</c> name a server.
    /// </summary>
    /// <exception cref="ArgumentException">The URI has a scheme MLflow.Tracking does not support; the message says which are.</exception>
    public static TrackingUri Parse(string? uri, string? baseDirectory = null)
    {
        var text = string.IsNullOrWhiteSpace(uri) ? MlflowOptions.DefaultTrackingUri : uri.Trim();

        // Messages show the URI without user:password@, so they are safe to log and print.
        var shown = Logging.UriCredentials.Redact(text);
        if (text.StartsWith("sqlite://", StringComparison.OrdinalIgnoreCase))
        {
            // SQLAlchemy form: sqlite:/// + path; a fourth slash makes the path absolute.
            var rest = text.Substring("sqlite://".Length);
            if (!rest.StartsWith('/'))
            {
                throw new ArgumentException($"Tracking URI '{shown}' is not a SQLite URI MLflow understands: use sqlite:///relative.db or sqlite:////absolute/path.db.", nameof(uri));
            }

            var path = rest.Substring(1);
            var query = path.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0)
            {
                path = path.Substring(0, query);
            }

            if (path.Length == 0 || path == "/")
            {
                throw new ArgumentException($"Tracking URI '{shown}' names no database file: use sqlite:///mlflow.db.", nameof(uri));
            }

            var full = Path.IsPathRooted(path) ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), path));
            return new TrackingUri(text, TrackingStoreKind.Sqlite, full, null);
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var server) && (server.Scheme == Uri.UriSchemeHttp || server.Scheme == Uri.UriSchemeHttps))
        {
            var baseUri = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
            return new TrackingUri(text, TrackingStoreKind.Http, null, baseUri);
        }

        throw new ArgumentException(
            $"Tracking URI '{shown}' is not supported. Use sqlite:///mlflow.db (the default), sqlite:////absolute/path.db, or http(s)://host:port of an MLflow tracking server.",
            nameof(uri));
    }

    /// <summary>
    /// The human part of a <see cref="Parse"/> failure, without the " (Parameter 'uri')" that
    /// <see cref="ArgumentException.Message"/> appends: what users see in a validation error or on standard error.
    /// </summary>
    public static string ReasonOf(ArgumentException exception)
    {
        var marker = exception.Message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return marker < 0 ? exception.Message : exception.Message.Substring(0, marker);
    }

    /// <summary>The URI without credentials (a <c>user:password@</c> part is left out), safe for logs.</summary>
    public override string ToString() => Kind == TrackingStoreKind.Http && ServerUri is not null
        ? ServerUri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
        : Logging.UriCredentials.Redact(Original);
}
