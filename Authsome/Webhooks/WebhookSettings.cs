namespace Authsome;

/// <summary>Webhook delivery (<c>Authsome:Webhooks</c>).</summary>
public sealed class WebhookSettings
{
    /// <summary>
    /// Allow endpoints on private, loopback and link-local addresses (and plain http outside Development). Default
    /// false: an administrator cannot point the server at its own network.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How long one attempt may take (connect, send, answer). Default 10 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the dispatcher looks for due deliveries. Default 2 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts per delivery before it is marked failed. Default 12 (about a day with the default delays).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The delay after the first failure; each later one doubles, with up to ±20% jitter. Default 30 seconds.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay between two attempts. Default 6 hours.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>An endpoint whose every attempt failed for this long is disabled and its creator told. Default 3 days.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How much of an answer's body is kept with the delivery, in characters. Default 512.</summary>
    public int ResponseBodyLimit { get; set; } = 512;

    /// <summary>Deliveries sent at once by one replica. Default 8.</summary>
    public int MaxConcurrency { get; set; } = 8;
}
