using Authsome.Accounts;
using Authsome.Apps;
using Authsome.Devices;
using Authsome.Errors;
using Authsome.Hooks;
using Authsome.Messaging;
using Authsome.Security;
using Authsome.Store;
using Authsome.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Sessions;

/// <summary>
/// Issues, checks, refreshes and revokes sessions. Tokens are 256-bit random values; only their SHA-256 is stored.
/// Refreshing rotates both tokens with a compare-and-swap; presenting a refresh token that was already rotated out
/// revokes every session of its family, so the thief's and the victim's copies both stop working at once.
/// </summary>
internal sealed partial class SessionService(
    IAuthsomeStore store,
    AppResolver apps,
    AppConfigCache configs,
    IOptionsMonitor<AuthsomeOptions> options,
    TimeProvider time,
    HookRunner hooks,
    DeviceService devices,
    SessionBindingPolicy bindings,
    AuthsomeMetrics metrics,
    UnitOfWork units,
    ILogger<SessionService> logger,
    IJwtAccessTokenMinter? jwt = null)
{
    /// <summary>The engine's session settings with the app's <see cref="AppSessionConfig"/> overrides.</summary>
    public async ValueTask<SessionPolicy> GetPolicyAsync(Id<App> appId, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue.Sessions;
        var config = await configs.GetSessionConfigAsync(appId, cancellationToken);
        return new SessionPolicy(
            config?.TokenTtl is { } access && access > TimeSpan.Zero ? access : settings.AccessTokenTtl,
            config?.RefreshTokenTtl is { } refresh && refresh > TimeSpan.Zero ? refresh : settings.RefreshTokenTtl,
            config?.RotateRefreshToken ?? settings.RotateRefreshToken,
            config?.MaxActiveSessions is > 0 and var max ? max : settings.MaxActiveSessions,
            config?.AbsoluteLifetime is { } absolute && absolute > TimeSpan.Zero ? absolute : settings.AbsoluteLifetime,
            config?.IdleTimeout is { } idle && idle > TimeSpan.Zero ? idle : settings.IdleTimeout,
            config?.TokenFormat ?? TokenFormat.Opaque);
    }

    /// <summary>
    /// Builds a session for <paramref name="user"/> with fresh tokens and the app's lifetimes, without storing it. The one
    /// place a session is made: <see cref="CreateAsync(User, ClientInfo, Device, CancellationToken)"/> stores what it
    /// returns, and sign-up's answer to a taken email returns it unstored, so the two answers cannot drift apart.
    /// </summary>
    public async ValueTask<IssuedSession> PrepareAsync(User user, ClientInfo client, CancellationToken cancellationToken) =>
        await BuildAsync(user, client, deviceId: null, await GetPolicyAsync(user.AppId, cancellationToken), time.GetStoreNow(), cancellationToken);

    private async ValueTask<IssuedSession> BuildAsync(User user, ClientInfo client, Id<Device>? deviceId, SessionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var refreshToken = SecretTokens.NewToken();
        var id = Id<Session>.New(now);
        var session = new Session
        {
            Id = id,
            AppId = user.AppId,
            EnvId = user.EnvId,
            UserId = user.Id,
            DeviceId = deviceId,
            FamilyId = id,
            TokenHash = default,
            RefreshTokenHash = SecretHash.Of(refreshToken),
            IpAddress = client.IpAddress,
            UserAgent = client.UserAgent,
            LastActivityAt = now,
            ExpiresAt = policy.AccessExpiry(now, now, now),
            RefreshTokenExpiresAt = policy.RefreshExpiry(now, now),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var accessToken = await NewAccessTokenAsync(policy, session, now, cancellationToken);
        return new IssuedSession(session with { TokenHash = SecretHash.Of(accessToken) }, accessToken, refreshToken);
    }

    /// <summary>Creates a session for a user who just proved who they are; ends the oldest sessions beyond the limit.</summary>
    public async ValueTask<IssuedSession> CreateAsync(User user, ClientInfo client, CancellationToken cancellationToken) =>
        await CreateAsync(user, client, await devices.RecordAsync(user, client, cancellationToken), cancellationToken);

    /// <summary>
    /// As <see cref="CreateAsync(User, ClientInfo, CancellationToken)"/> on a device already recorded
    /// (<see cref="DeviceService.RecordAsync"/>): callers that create the session inside a unit of work record the
    /// device before it: two first sign-ins from one new device race to create it, and on MongoDB the loser's retry
    /// cannot run inside a transaction the race has aborted.
    /// </summary>
    public async ValueTask<IssuedSession> CreateAsync(User user, ClientInfo client, Device device, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("session.create");
        activity?.SetTag("authsome.user_id", user.Id.ToString());
        var policy = await GetPolicyAsync(user.AppId, cancellationToken);
        var now = time.GetStoreNow();
        await EnforceLimitAsync(user.Id, policy.MaxActiveSessions, now, cancellationToken);
        var issued = await BuildAsync(user, client, device.Id, policy, now, cancellationToken);
        var session = issued.Session;
        await store.Sessions.CreateAsync(session, cancellationToken);
        metrics.SessionsStarted();
        activity?.SetTag("authsome.session_id", session.Id.ToString());
        activity.Succeed();
        await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterSessionCreateAsync), h => h.AfterSessionCreateAsync(session, cancellationToken));
        return issued;
    }

    /// <summary>
    /// The live session and user an access token belongs to, or null when the token is unknown, expired (its expiry
    /// already holds the idle timeout and absolute lifetime), of another app or environment, its user is gone or
    /// banned, or the app binds sessions to their address or device and <paramref name="client"/> is another. Records activity at most once per <c>Authsome:Sessions:ActivityWriteInterval</c> (or a hundredth of the idle timeout, if shorter), so authenticating
    /// costs no write on most requests. A null <paramref name="client"/> means the caller is not the token's holder (a
    /// resource server introspecting it), so there is no request to hold to the binding.
    /// </summary>
    public async ValueTask<AuthenticatedSession?> AuthenticateAsync(string token, ClientInfo? client, CancellationToken cancellationToken)
    {
        // A JWT access token is looked up like an opaque one: its hash is the session's, so a revoked session's JWT stops here at once.
        if (!SecretTokens.LooksLikeToken(token) && !SecretTokens.LooksLikeJwt(token))
        {
            return null;
        }

        // One round trip for the session and its user, on every request: no cache, so a revoked session stops
        // working at once on every replica.
        var found = await store.Sessions.GetWithUserByTokenHashAsync(SecretHash.Of(token), cancellationToken);
        var now = time.GetStoreNow();
        if (found is not (var session, var user) || session.ExpiresAt <= now)
        {
            return null;
        }

        var app = await apps.GetAsync(cancellationToken);
        if (session.AppId != app.AppId || session.EnvId != app.EnvId || user.IsBanned(now)
            || (client is not null && !await bindings.AllowsAsync(session, client, cancellationToken)))
        {
            return null;
        }

        // The policy comes from the app configuration cache: no read per request.
        var policy = await GetPolicyAsync(session.AppId, cancellationToken);
        if (now - session.LastActivityAt >= policy.ActivityWriteInterval(options.CurrentValue.Sessions.ActivityWriteInterval))
        {
            session = await TouchAsync(session, policy, now, cancellationToken);
        }

        return new AuthenticatedSession(session, user);
    }

    /// <summary>Rotates a session's tokens. Throws <see cref="AuthsomeException"/>: token_invalid, token_reused (the family is revoked), account_banned.</summary>
    public async ValueTask<IssuedSession> RefreshAsync(string refreshToken, ClientInfo client, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("session.refresh");
        if (!SecretTokens.LooksLikeToken(refreshToken))
        {
            activity.Fail(AuthsomeErrors.TokenInvalid.Code);
            throw new AuthsomeException(AuthsomeErrors.TokenInvalid);
        }

        var hash = SecretHash.Of(refreshToken);
        var now = time.GetStoreNow();

        // One round trip for the session and its live user (a deleted user's sessions were ended with the account).
        var found = await store.Sessions.GetWithUserByRefreshTokenHashAsync(hash, cancellationToken);
        if (found is not (var session, var user))
        {
            await DetectReuseAsync(hash, now, cancellationToken);
            activity.Fail(AuthsomeErrors.TokenInvalid.Code);
            throw new AuthsomeException(AuthsomeErrors.TokenInvalid);
        }

        activity?.SetTag("authsome.session_id", session.Id.ToString());
        var app = await apps.GetAsync(cancellationToken);
        if (session.AppId != app.AppId)
        {
            activity.Fail(AuthsomeErrors.TokenInvalid.Code);
            throw new AuthsomeException(AuthsomeErrors.TokenInvalid);
        }

        // From the app configuration cache: no read per refresh (another replica's change shows within AppConfigCache.Lifetime).
        var policy = await GetPolicyAsync(session.AppId, cancellationToken);
        if (session.RefreshTokenExpiresAt <= now || session.EnvId != app.EnvId || policy.HasEnded(session, now))
        {
            await EndAsync(session, "expired", cancellationToken);
            activity.Fail(AuthsomeErrors.TokenInvalid.Code);
            throw new AuthsomeException(AuthsomeErrors.TokenInvalid);
        }

        if (user.IsBanned(now))
        {
            await EndAsync(session, "banned", cancellationToken);
            activity.Fail(AuthsomeErrors.AccountBanned.Code);
            throw new AuthsomeException(AuthsomeErrors.AccountBanned);
        }

        var nextRefreshToken = policy.RotateRefreshToken ? SecretTokens.NewToken() : refreshToken;
        var rotated = session with
        {
            RefreshTokenHash = SecretHash.Of(nextRefreshToken),
            IpAddress = client.IpAddress ?? session.IpAddress,
            UserAgent = client.UserAgent ?? session.UserAgent,
            LastActivityAt = now,
            ExpiresAt = policy.AccessExpiry(session.CreatedAt, now, now),
            RefreshTokenExpiresAt = policy.RotateRefreshToken ? policy.RefreshExpiry(session.CreatedAt, now) : session.RefreshTokenExpiresAt,
            UpdatedAt = now,
        };
        var accessToken = await NewAccessTokenAsync(policy, rotated, now, cancellationToken);
        rotated = rotated with { TokenHash = SecretHash.Of(accessToken) };

        if (policy.RotateRefreshToken)
        {
            if (!await store.Sessions.RotateAsync(rotated, hash, cancellationToken))
            {
                // A concurrent refresh with the same token won the swap: the loser is not a thief, so no family revocation.
                activity.Fail(AuthsomeErrors.TokenInvalid.Code);
                throw new AuthsomeException(AuthsomeErrors.TokenInvalid);
            }
        }
        else
        {
            await store.Sessions.UpdateAsync(rotated, cancellationToken);
        }

        metrics.Refresh();
        activity.Succeed();
        await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterSessionRefreshAsync), h => h.AfterSessionRefreshAsync(rotated, cancellationToken));
        return new IssuedSession(rotated, accessToken, nextRefreshToken);
    }

    /// <summary>Signs a session out: the before-hook may refuse (request_refused); the after-hook runs once it ended.</summary>
    public async ValueTask SignOutAsync(Session session, CancellationToken cancellationToken)
    {
        await hooks.BeforeAsync(nameof(IAuthsomeHooks.BeforeSignOutAsync), h => h.BeforeSignOutAsync(session, cancellationToken));
        await EndAsync(session, "signed_out", cancellationToken);
        await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterSignOutAsync), h => h.AfterSignOutAsync(session, cancellationToken));
    }

    /// <summary>Ends one session; the end and its session.revoked event commit together.</summary>
    public async ValueTask EndAsync(Session session, string reason, CancellationToken cancellationToken) =>
        await units.RunAsync(
            async ct =>
            {
                if (await store.Sessions.DeleteAsync(session.Id, ct))
                {
                    metrics.SessionsEnded(1);
                    await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterSessionsRevokedAsync), h => h.AfterSessionsRevokedAsync(session.UserId, reason, ct),
                        AuthsomeEvents.SessionsRevoked(session.AppId, session.UserId, reason), ct);
                }
            },
            cancellationToken);

    /// <summary>Ends every session of a user except <paramref name="except"/>; returns how many. The ends and their event commit together.</summary>
    public async ValueTask<int> EndAllAsync(Id<User> userId, Id<Session>? except, string reason, CancellationToken cancellationToken) =>
        await units.RunAsync(
            async ct =>
            {
                var count = await store.Sessions.DeleteByUserAsync(userId, except, ct);
                if (count > 0)
                {
                    metrics.SessionsEnded(count);
                    await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterSessionsRevokedAsync), h => h.AfterSessionsRevokedAsync(userId, reason, ct),
                        AuthsomeEvents.SessionsRevoked((await apps.GetAsync(ct)).AppId, userId, reason), ct);
                }

                return count;
            },
            cancellationToken);

    /// <summary>A user's sessions that can still be refreshed, oldest first.</summary>
    public async ValueTask<IReadOnlyList<Session>> ListAsync(Id<User> userId, CancellationToken cancellationToken)
    {
        var now = time.GetStoreNow();
        var sessions = await store.Sessions.ListByUserAsync(userId, cancellationToken);
        return [.. sessions.Where(s => s.RefreshTokenExpiresAt > now)];
    }

    /// <summary>An opaque random token, or a signed JWT when the app's session config says <c>token_format: jwt</c>.</summary>
    private ValueTask<string> NewAccessTokenAsync(SessionPolicy policy, Session session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (policy.TokenFormat != TokenFormat.Jwt)
        {
            return ValueTask.FromResult(SecretTokens.NewToken());
        }

        return jwt?.MintAsync(session, now, cancellationToken)
            ?? throw new InvalidOperationException($"App {session.AppId} asks for JWT access tokens (its session config's token_format), but the JWT plugin is not added: call AddJwtTokens().");
    }

    // The access token keeps its own expiry from when it was issued (UpdatedAt: creation or the last refresh); the
    // idle timeout now counts from this request.
    private async ValueTask<Session> TouchAsync(Session session, SessionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var touched = session with { LastActivityAt = now, ExpiresAt = policy.AccessExpiry(session.CreatedAt, session.UpdatedAt, now) };
        await store.Sessions.TouchAsync(session.Id, session.TokenHash, touched.LastActivityAt, touched.ExpiresAt, cancellationToken);
        return touched;
    }

    private async ValueTask DetectReuseAsync(SecretHash hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var revoked = await store.Sessions.GetRevokedRefreshTokenAsync(hash, cancellationToken);
        if (revoked is null)
        {
            return;
        }

        // Only the first replay revokes: the family is gone after it, and repeating the delete would only add load.
        if (await store.Sessions.MarkRefreshTokenReplayedAsync(hash, now, cancellationToken))
        {
            var ended = await store.Sessions.DeleteFamilyAsync(revoked.FamilyId, cancellationToken);
            metrics.SessionsEnded(ended);
            metrics.TokenReuse();
            LogTokenReuse(logger, revoked.FamilyId.ToString(), revoked.UserId.ToString(), ended);
            await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterSessionsRevokedAsync), h => h.AfterSessionsRevokedAsync(revoked.UserId, "token_reused", cancellationToken),
                AuthsomeEvents.SessionsRevoked((await apps.GetAsync(cancellationToken)).AppId, revoked.UserId, "token_reused"), cancellationToken);
        }

        throw new AuthsomeException(AuthsomeErrors.TokenReused, "This refresh token was already used; every session of its family has been revoked.");
    }

    private async ValueTask EnforceLimitAsync(Id<User> userId, int max, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await store.Sessions.CountActiveAsync(userId, now, cancellationToken) < max)
        {
            return;
        }

        var active = (await store.Sessions.ListByUserAsync(userId, cancellationToken))
            .Where(s => s.RefreshTokenExpiresAt > now)
            .OrderBy(s => s.CreatedAt)
            .ToList();
        foreach (var oldest in active.Take(active.Count - max + 1))
        {
            await EndAsync(oldest, "session_limit", cancellationToken);
        }
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Refresh token reuse detected: revoked session family {FamilyId} of user {UserId} ({Count} sessions)")]
    private static partial void LogTokenReuse(ILogger logger, string familyId, string userId, int count);
}
