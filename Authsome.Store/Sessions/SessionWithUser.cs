namespace Authsome.Store;

/// <summary>A session together with its (live) user, as the authentication hot path reads them in one lookup.</summary>
/// <param name="Session">The session, whatever its expiry: the caller decides.</param>
/// <param name="User">The session's user; never a deleted one.</param>
public sealed record SessionWithUser(Session Session, User User);
