namespace Authsome.Email;

/// <summary>
/// Mail could not be handed to the mail server (it could not be reached, refused the sender or recipient, or
/// failed authentication). The inner exception has the details; no credential is ever part of the message.
/// </summary>
public sealed class EmailDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
