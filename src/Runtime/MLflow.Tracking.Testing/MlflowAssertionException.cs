using System;

namespace MLflow.Tracking.Testing;

/// <summary>
/// An <see cref="MlflowFake"/> assertion failed. The message says what was expected and lists what was recorded.
/// Any test framework reports it as a failure.
/// </summary>
public sealed class MlflowAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MlflowAssertionException()
        : this("An MLflow assertion failed.")
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public MlflowAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and a cause.</summary>
    public MlflowAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
