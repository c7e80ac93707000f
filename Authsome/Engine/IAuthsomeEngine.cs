using Authsome.Apps;
using Authsome.Sessions;
using Authsome.Store;

namespace Authsome;

/// <summary>
/// The engine's public surface, for application code and for plugins in any assembly: sessions, users, and signing in
/// a user a plugin has authenticated. The HTTP routes call these same operations. Registered by <c>AddAuthsome()</c>;
/// inject it. Password sign-up and sign-in are the password plugin's (<c>IPasswordAuthentication</c>, added by
/// <c>AddPassword()</c>).
/// Operations answer expected refusals as <see cref="AuthsomeResult"/> failures with stable codes (the codes of
/// <see cref="Errors.AuthsomeErrors"/>); infrastructure faults (store unavailable, cancellation) are thrown.
/// Every operation runs the same hooks as its HTTP route.
/// </summary>
public interface IAuthsomeEngine
{
    /// <summary>The app and environment whose users this engine serves (created on first use when absent).</summary>
    Task<AuthsomeApp> GetAppAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Signs in a user whose identity a plugin has established (a passkey, an MFA code, a social provider, a magic link):
    /// checks the account may sign in (not banned; email verified when the app requires it), runs
    /// <c>BeforeSignInAsync</c> (which may refuse), issues a session recorded with <paramref name="client"/>, counts the
    /// sign-in under <paramref name="method"/> and runs <c>AfterSignInAsync</c>. The same path password sign-in ends in.
    /// Failures: <c>account_banned</c>, <c>email_not_verified</c>, <c>request_refused</c>. The method counts as one factor:
    /// the sign-in gates (MFA) run first, and when one holds the sign-in back the failure is <c>sign_in_pending</c>, with
    /// the gate's answer (<c>mfa_ticket</c>, <c>methods</c>, ...) in its extensions and no session issued.
    /// </summary>
    /// <param name="user">The user, as read from the store (of the served app).</param>
    /// <param name="method">How the user proved who they are, e.g. <c>magic_link</c>; a short snake_case name.</param>
    /// <param name="client">The request's address and User-Agent, or <see cref="ClientInfo.None"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask<AuthsomeResult<SignInOutcome>> SignInAsync(User user, string method, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="SignInAsync"/>, for a method that satisfies MFA by itself (a passkey with user verification, a
    /// finished MFA challenge): no sign-in gate runs. Failures: <c>account_banned</c>, <c>email_not_verified</c>,
    /// <c>request_refused</c>.
    /// </summary>
    ValueTask<AuthsomeResult<SignInOutcome>> SignInMultiFactorAsync(User user, string method, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>
    /// Exchanges a refresh token for new tokens (rotation per the app's policy). Presenting a token that was already
    /// rotated out revokes its whole session family. Failures: <c>token_invalid</c>, <c>token_reused</c>, <c>account_banned</c>.
    /// </summary>
    ValueTask<AuthsomeResult<IssuedSession>> RefreshAsync(string refreshToken, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>Ends a session, with the sign-out hooks. Failures: <c>request_refused</c> (a before-hook).</summary>
    ValueTask<AuthsomeResult> SignOutAsync(Session session, CancellationToken cancellationToken);

    /// <summary>The live session and user an access token belongs to; null when it is unknown, expired, of another app, or its user is gone or banned.</summary>
    ValueTask<AuthenticatedSession?> GetSessionAsync(string accessToken, CancellationToken cancellationToken);

    /// <summary>A user's sessions that can still be refreshed, oldest first.</summary>
    ValueTask<IReadOnlyList<Session>> ListSessionsAsync(Id<User> userId, CancellationToken cancellationToken);

    /// <summary>Ends every session of a user except <paramref name="except"/>; returns how many. <paramref name="reason"/> reaches <c>AfterSessionsRevokedAsync</c>.</summary>
    ValueTask<int> RevokeSessionsAsync(Id<User> userId, Id<Session>? except, string reason, CancellationToken cancellationToken);

    /// <summary>A user of the served app by id; null when unknown, deleted, or of another app.</summary>
    ValueTask<User?> GetUserAsync(Id<User> userId, CancellationToken cancellationToken);

    /// <summary>A user of the served app by email address (compared normalised); null when none.</summary>
    ValueTask<User?> FindUserByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>
    /// Creates an account without a password, for a plugin that authenticated the person itself, with the sign-up and
    /// user-create hooks. Failures: <c>validation_failed</c>, <c>email_invalid</c>, <c>email_taken</c>,
    /// <c>username_taken</c>, <c>signup_disabled</c>, <c>request_refused</c>. Follow it with <see cref="SignInAsync"/>.
    /// </summary>
    ValueTask<AuthsomeResult<User>> CreateUserAsync(NewUser user, CancellationToken cancellationToken);

    /// <summary>
    /// Changes a user's profile, with the user-update hooks. Failures: <c>validation_failed</c>, <c>username_taken</c>,
    /// <c>not_found</c>, <c>request_refused</c>.
    /// </summary>
    ValueTask<AuthsomeResult<User>> UpdateUserAsync(Id<User> userId, UserUpdate update, CancellationToken cancellationToken);

    /// <summary>Deletes a user's account: the delete hooks run, every session ends and the email and username become free. Failures: <c>not_found</c>, <c>request_refused</c>.</summary>
    ValueTask<AuthsomeResult> DeleteUserAsync(Id<User> userId, CancellationToken cancellationToken);
}
