using Authsome.Sessions;

namespace Authsome.Plugins.Password;

/// <summary>
/// The password plugin's public surface (registered by <c>AddPassword()</c>): sign-up, sign-in, change and reset, the
/// same operations its HTTP routes call, with the same hooks, rules and answers. Expected refusals are
/// <see cref="AuthsomeResult"/> failures with stable codes; infrastructure faults (store unavailable, hashing
/// saturated, cancellation) are thrown.
/// </summary>
public interface IPasswordAuthentication
{
    /// <summary>
    /// Creates an account with a password. A taken email is not revealed: the answer looks like a success (with a user
    /// that is not stored, and unusable tokens) and the owner of the address is mailed. Failures: <c>validation_failed</c>,
    /// <c>email_invalid</c>, <c>weak_password</c>, <c>username_taken</c>, <c>signup_disabled</c>, <c>request_refused</c>.
    /// </summary>
    ValueTask<AuthsomeResult<SignUpOutcome>> SignUpAsync(PasswordSignUp request, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>
    /// Signs in with a password. Failures: <c>invalid_credentials</c> (unknown account or wrong password, alike),
    /// <c>account_locked</c> (with Retry-After: too many attempts from this client), <c>account_banned</c>,
    /// <c>email_not_verified</c>, <c>validation_failed</c>, <c>request_refused</c>; <c>sign_in_pending</c> when a sign-in gate
    /// (MFA) holds it back, with the gate's answer (<c>mfa_ticket</c>, <c>methods</c>, ...) in the failure's extensions.
    /// </summary>
    ValueTask<AuthsomeResult<SignInOutcome>> SignInAsync(PasswordSignIn request, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the password of a signed-in user and ends every other session of theirs; returns how many ended.
    /// Failures: <c>current_password_invalid</c>, <c>weak_password</c>, <c>password_reused</c>, <c>validation_failed</c>.
    /// </summary>
    ValueTask<AuthsomeResult<int>> ChangePasswordAsync(AuthenticatedSession current, string currentPassword, string newPassword, CancellationToken cancellationToken);

    /// <summary>Mails a reset link when an account uses <paramref name="email"/>; answers the same when none does. Failures: <c>email_invalid</c>, <c>validation_failed</c>.</summary>
    ValueTask<AuthsomeResult> RequestPasswordResetAsync(string email, CancellationToken cancellationToken);

    /// <summary>Sets a new password with a reset token and ends every session. Failures: <c>verification_invalid</c>, <c>weak_password</c>, <c>password_reused</c>, <c>validation_failed</c>.</summary>
    ValueTask<AuthsomeResult> ResetPasswordAsync(string token, string newPassword, CancellationToken cancellationToken);
}
