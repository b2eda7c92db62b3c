namespace MLflow.Tracking;

/// <summary>How a <see cref="LogParamAttribute"/> value is transformed before it leaves the process.</summary>
public enum ParamRedaction
{
    /// <summary>The value is logged as it is (formatted with the invariant culture).</summary>
    None = 0,

    /// <summary>
    /// The value is replaced by <c>sha256:</c> and the first 16 hex digits of its SHA-256 hash: runs stay comparable
    /// (equal inputs give equal params) without revealing the value.
    /// </summary>
    Hash = 1,

    /// <summary>The value is replaced by its length in characters, for example <c>len:12</c>.</summary>
    Length = 2,
}
