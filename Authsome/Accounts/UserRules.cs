using Authsome.Store;

namespace Authsome.Accounts;

/// <summary>Facts about a user the engine checks in several places.</summary>
internal static class UserRules
{
    /// <summary>Banned now: a ban without an expiry lasts until lifted.</summary>
    public static bool IsBanned(this User user, DateTimeOffset now) =>
        user.Banned && (user.BanExpires is not { } until || until > now);
}
