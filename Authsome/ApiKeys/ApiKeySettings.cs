namespace Authsome;

/// <summary>API keys (<c>Authsome:ApiKeys</c>).</summary>
public sealed class ApiKeySettings
{
    /// <summary>How long the old secret keeps working after <c>POST /keys/{id}/roll</c>. Default 24 hours; zero ends it at once.</summary>
    public TimeSpan RollGracePeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How stale <c>last_used_at</c> may be: a use is written at most once per key per this interval, in the
    /// background, never on the request path. Default 1 minute.
    /// </summary>
    public TimeSpan LastUsedPrecision { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most keys one owner may hold (revoked ones included until deleted). Default 50.</summary>
    public int MaxKeysPerOwner { get; set; } = 50;
}
