namespace Authsome;

/// <summary>
/// Sign-in lockout settings (<c>Authsome:Lockout</c>). Attempts are counted per account and client (an IPv4 address or
/// an IPv6 /64) in the store, so the counts hold across replicas, and reserved before the password is checked, so a
/// burst of parallel guesses gets no more than the limit.
/// </summary>
public sealed class LockoutSettings
{
    /// <summary>Lock after repeated failed sign-ins. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in attempts one client may make on one account per <see cref="Duration"/>; a success clears them. Default 5.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>
    /// The window attempts are counted in; a client over the limit is refused until it ends. It always ends by itself,
    /// and a password reset ends it at once. Default 15 minutes.
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Sign-in attempts on one account from all clients together per <see cref="Duration"/>, against guessing from
    /// many addresses. Past it only clients that signed in to the account within the last 30 days may still try, so
    /// the owner is not locked out by strangers. Default 50.
    /// </summary>
    public int MaxAccountAttempts { get; set; } = 50;
}
