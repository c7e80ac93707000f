namespace Authsome.Store;

/// <summary>
/// The base of every error a store raises on purpose. Backends translate their drivers' exceptions into
/// these, so callers never see a driver exception or a constraint name.
/// </summary>
public class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
