namespace Authsome.Hosting;

/// <summary>
/// Thrown when a local PostgreSQL cluster cannot be located, initialised, started or used:
/// the server binaries are missing, <c>initdb</c> or <c>pg_ctl</c> failed (the message carries the
/// tail of their output, never a password), or a shared test server is misconfigured.
/// </summary>
public sealed class LocalPostgresException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public LocalPostgresException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public LocalPostgresException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public LocalPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
