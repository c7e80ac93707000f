namespace Authsome;

/// <summary>The durable mail outbox (<c>Authsome:Mail</c>).</summary>
public sealed class MailSettings
{
    /// <summary>
    /// The most mails of one kind (verification, reset, lockout, ...) one account is sent per hour; more are not
    /// sent (and the answer to the client is unchanged, so the cap is no oracle). Default 5.
    /// </summary>
    public int MaxPerAccountPerHour { get; set; } = 5;

    /// <summary>How often the sender looks for mail to send. Default 2 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Sends per mail before it is given up (the delay doubles from <see cref="InitialRetryDelay"/>). Default 8.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The delay after the first failed send. Default 30 seconds.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Mails claimed per round by one replica. Default 16.</summary>
    public int BatchSize { get; set; } = 16;
}
