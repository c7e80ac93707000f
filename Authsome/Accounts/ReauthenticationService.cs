using Authsome.Errors;
using Authsome.Lockout;
using Authsome.Passwords;
using Authsome.Plugins.Password;
using Authsome.Security;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Accounts;

/// <summary>
/// Proof that the person holding a session is its owner, before deleting the account or changing how it signs in:
/// the current password for accounts that have one (counted by the sign-in lockout, so a stolen session cannot
/// guess around it), otherwise a sign-in within the last five minutes.
/// </summary>
internal sealed class ReauthenticationService(LockoutService lockout, IServiceProvider services, TimeProvider time)
{
    /// <summary>How recent a sign-in must be for accounts without a password.</summary>
    public static readonly TimeSpan RecentSignIn = TimeSpan.FromMinutes(5);

    public async ValueTask EnsureAsync(AuthenticatedSession current, string? currentPassword, CancellationToken cancellationToken)
    {
        var user = current.User;
        // The password plugin may be absent; then the password cannot be checked and only a recent sign-in counts.
        if (user.PasswordHash is { } hash && services.GetService<PasswordService>() is { } passwords)
        {
            if (string.IsNullOrEmpty(currentPassword))
            {
                throw AuthsomeException.Validation(new Dictionary<string, string[]> { ["current_password"] = ["Give your current password."] });
            }

            var subject = user.Id.ToString();
            var client = ClientKeys.Of(current.Session.IpAddress);
            if ((await lockout.ReserveAsync(subject, client, user, cancellationToken)).IsLocked
                || await passwords.VerifyAsync(currentPassword, hash, cancellationToken) == PasswordVerificationResult.Failed)
            {
                throw new AuthsomeException(AuthsomeErrors.CurrentPasswordInvalid);
            }

            await lockout.SucceededAsync(subject, client, cancellationToken);
            return;
        }

        if (time.GetStoreNow() - current.Session.CreatedAt > RecentSignIn)
        {
            throw new AuthsomeException(AuthsomeErrors.ReauthenticationRequired, "Sign in again, then retry within five minutes.");
        }
    }
}
