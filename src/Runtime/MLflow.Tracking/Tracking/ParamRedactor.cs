using System;
using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MLflow.Tracking;

/// <summary>
/// Applies <see cref="ParamRedaction"/> to a param value before it leaves the process. Generated wrappers, the
/// DynamicProxy interceptor and the ASP.NET Core middleware call it from their own assemblies, so it is public;
/// user code sets <see cref="LogParamAttribute.Redact"/> instead, hence hidden from IntelliSense.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParamRedactor
{
    /// <summary>The value as <paramref name="redaction"/> says it may be logged.</summary>
    /// <param name="value">The formatted value.</param>
    /// <param name="redaction">How to redact.</param>
    public static string Redact(string? value, ParamRedaction redaction) => redaction switch
    {
        ParamRedaction.None => value ?? "None",
        ParamRedaction.Hash => value is null ? "None" : "sha256:" + HashPrefix(value),
        ParamRedaction.Length => "len:" + (value?.Length ?? 0).ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(redaction), redaction, "Unknown ParamRedaction."),
    };

    /// <summary>Formats <paramref name="value"/> and redacts it.</summary>
    public static string Redact<T>(T value, ParamRedaction redaction) =>
        value is null ? Redact((string?)null, redaction) : Redact(MlflowValueFormatter.Format(value), redaction);

    private static string HashPrefix(string value)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return Convert.ToHexString(hash[..8]).ToLowerInvariant();
    }
}
