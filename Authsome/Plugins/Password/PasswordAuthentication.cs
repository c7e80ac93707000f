using Authsome.Plugins.Password.Reset;
using Authsome.Sessions;

namespace Authsome.Plugins.Password;

/// <summary>The password plugin's public surface over its services; failures they throw become results.</summary>
internal sealed class PasswordAuthentication(
    PasswordSignUpService signUp,
    PasswordSignInService signIn,
    PasswordChangeService change,
    PasswordResetService resets) : IPasswordAuthentication
{
    public ValueTask<AuthsomeResult<SignUpOutcome>> SignUpAsync(PasswordSignUp request, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        return AuthsomeResult<SignUpOutcome>.RunAsync(() => signUp.SignUpAsync(request.Email, request.Password, request.Name, request.Username, client, cancellationToken, request.Fields));
    }

    public ValueTask<AuthsomeResult<SignInOutcome>> SignInAsync(PasswordSignIn request, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        return AuthsomeResult<SignInOutcome>.RunAsync(async () => (await signIn.SignInAsync(request.Email, request.Username, request.Password, client, cancellationToken)).CompletedOrThrow());
    }

    public ValueTask<AuthsomeResult<int>> ChangePasswordAsync(AuthenticatedSession current, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        return AuthsomeResult<int>.RunAsync(() => change.ChangeAsync(current, currentPassword, newPassword, cancellationToken));
    }

    public ValueTask<AuthsomeResult> RequestPasswordResetAsync(string email, CancellationToken cancellationToken) =>
        AuthsomeResult.RunAsync(() => resets.RequestAsync(email, cancellationToken));

    public ValueTask<AuthsomeResult> ResetPasswordAsync(string token, string newPassword, CancellationToken cancellationToken) =>
        AuthsomeResult.RunAsync(() => resets.ResetAsync(token, newPassword, cancellationToken));
}
