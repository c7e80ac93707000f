using Authsome.Accounts;
using Authsome.Apps;
using Authsome.Errors;
using Authsome.Sessions;
using Authsome.Store;

namespace Authsome.Engine;

/// <summary>The engine's public surface over its services; failures they throw as <see cref="Errors.AuthsomeException"/> become results.</summary>
internal sealed class AuthsomeEngine(
    IAuthsomeStore store,
    AppResolver apps,
    SessionService sessions,
    SignInService signIns,
    AccountService accounts) : IAuthsomeEngine
{
    public Task<AuthsomeApp> GetAppAsync(CancellationToken cancellationToken) => apps.GetAsync(cancellationToken);

    public ValueTask<AuthsomeResult<SignInOutcome>> SignInAsync(User user, string method, ClientInfo client, CancellationToken cancellationToken) =>
        SignInAsync(user, method, client, multiFactor: false, cancellationToken);

    public ValueTask<AuthsomeResult<SignInOutcome>> SignInMultiFactorAsync(User user, string method, ClientInfo client, CancellationToken cancellationToken) =>
        SignInAsync(user, method, client, multiFactor: true, cancellationToken);

    private ValueTask<AuthsomeResult<SignInOutcome>> SignInAsync(User user, string method, ClientInfo client, bool multiFactor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(client);
        return AuthsomeResult<SignInOutcome>.RunAsync(async () =>
        {
            using var activity = AuthsomeTelemetry.StartOperation("sign_in");
            activity?.SetTag("authsome.method", method);
            activity?.SetTag("authsome.user_id", user.Id.ToString());
            return multiFactor
                ? await signIns.SignInAsync(user, method, client, activity, cancellationToken)
                : (await signIns.SignInFirstFactorAsync(user, method, client, activity, cancellationToken)).CompletedOrThrow();
        });
    }

    public ValueTask<AuthsomeResult<IssuedSession>> RefreshAsync(string refreshToken, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return AuthsomeResult<IssuedSession>.RunAsync(() => sessions.RefreshAsync(InputRules.Required(refreshToken, "refresh_token"), client, cancellationToken));
    }

    public ValueTask<AuthsomeResult> SignOutAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return AuthsomeResult.RunAsync(() => sessions.SignOutAsync(session, cancellationToken));
    }

    public ValueTask<AuthenticatedSession?> GetSessionAsync(string accessToken, CancellationToken cancellationToken) =>
        sessions.AuthenticateAsync(accessToken ?? string.Empty, cancellationToken);

    public ValueTask<IReadOnlyList<Session>> ListSessionsAsync(Id<User> userId, CancellationToken cancellationToken) =>
        sessions.ListAsync(userId, cancellationToken);

    public ValueTask<int> RevokeSessionsAsync(Id<User> userId, Id<Session>? except, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return sessions.EndAllAsync(userId, except, reason, cancellationToken);
    }

    public async ValueTask<User?> GetUserAsync(Id<User> userId, CancellationToken cancellationToken)
    {
        var app = await apps.GetAsync(cancellationToken);
        var user = await store.Users.GetAsync(userId, cancellationToken);
        return user is not null && user.AppId == app.AppId && user.EnvId == app.EnvId ? user : null;
    }

    public async ValueTask<User?> FindUserByEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var app = await apps.GetAsync(cancellationToken);
        return await store.Users.GetByEmailAsync(app.AppId, app.EnvId, email.Trim().ToLowerInvariant(), cancellationToken);
    }

    public ValueTask<AuthsomeResult<User>> CreateUserAsync(NewUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return AuthsomeResult<User>.RunAsync(() => accounts.SignUpAsync(user, cancellationToken));
    }

    public ValueTask<AuthsomeResult<User>> UpdateUserAsync(Id<User> userId, UserUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return AuthsomeResult<User>.RunAsync(async () =>
        {
            return await accounts.UpdateAsync(await RequireUserAsync(userId, cancellationToken), update, cancellationToken);
        });
    }

    public ValueTask<AuthsomeResult> DeleteUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        AuthsomeResult.RunAsync(async () => await accounts.DeleteAsync(await RequireUserAsync(userId, cancellationToken), cancellationToken));

    private async ValueTask<User> RequireUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await GetUserAsync(userId, cancellationToken) ?? throw new AuthsomeException(AuthsomeErrors.NotFound, "No such user.");
}
