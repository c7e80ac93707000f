using Authsome.Apps;
using Authsome.Hooks;
using Authsome.Plugins.Mfa.Store;
using Authsome.Sessions;
using Authsome.Store;

namespace Authsome.Plugins.Mfa;

/// <summary>
/// Holds back the sign-in of a user with TOTP on (a challenge ticket) unless it comes from a device the user trusts,
/// and of a user without it when the app's client config requires MFA (an enrollment-only ticket).
/// </summary>
internal sealed class MfaSignInGate(IMfaStore store, AppConfigCache configs, MfaTickets tickets, MfaTrustedDevices trustedDevices) : ISignInGate
{
    public ValueTask<PendingSignIn?> CheckAsync(User user, string method, CancellationToken cancellationToken) =>
        CheckAsync(user, method, ClientInfo.None, cancellationToken);

    public async ValueTask<PendingSignIn?> CheckAsync(User user, string method, ClientInfo client, CancellationToken cancellationToken)
    {
        if (await store.GetTotpAsync(user.Id, cancellationToken) is { ConfirmedAt: not null })
        {
            if (await trustedDevices.SkipsChallengeAsync(user, client, cancellationToken))
            {
                return null;
            }

            var (token, ticket) = await tickets.IssueAsync(user, MfaTicketPurpose.Challenge, method, cancellationToken);
            return new PendingSignIn { MfaRequired = true, MfaTicket = token, Methods = MfaService.Methods, ExpiresAt = ticket.ExpiresAt };
        }

        // From the app configuration cache, as sign-up and the email-verification rule read it: no read per sign-in.
        if (await configs.GetClientConfigAsync(user.AppId, cancellationToken) is { MfaRequired: true })
        {
            var (token, ticket) = await tickets.IssueAsync(user, MfaTicketPurpose.Enrollment, method, cancellationToken);
            return new PendingSignIn { MfaEnrollmentRequired = true, MfaTicket = token, Methods = ["totp"], ExpiresAt = ticket.ExpiresAt };
        }

        return null;
    }
}
