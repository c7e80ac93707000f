namespace Authsome.Store;

/// <summary>The database could not be reached or did not answer in time. The operation may be retried.</summary>
public sealed class StoreUnavailableException : StoreException
{
    /// <summary>Creates the exception; the inner exception is the driver's, kept for logs only.</summary>
    public StoreUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
