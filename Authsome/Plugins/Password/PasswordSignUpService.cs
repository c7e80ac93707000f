using Authsome.Accounts;
using Authsome.Apps;
using Authsome.Errors;
using Authsome.Forms;
using Authsome.Hooks;
using Authsome.Messaging;
using Authsome.Sessions;
using Authsome.Store;
using Authsome.Verification;

namespace Authsome.Plugins.Password;

/// <summary>
/// Password sign-up. Whether the email is taken is not observable: a taken email gets the same status and the same
/// shape of answer, after the same password hashing, and the account's owner is mailed instead. With email
/// verification required (the default outside Development) both answers carry no session, so they are
/// indistinguishable. Without it, a real sign-up returns working tokens; the taken-email answer returns tokens of
/// the same form that work nowhere (we cannot hand out a session to someone else's account) — so an attacker who
/// tries the tokens learns the email was taken. Keep verification on in production.
/// </summary>
internal sealed class PasswordSignUpService(
    IAuthsomeStore store,
    AppResolver apps,
    AccountService accounts,
    SessionService sessions,
    EmailVerificationRequirement requirement,
    PasswordService passwords,
    EmailOutbox outbox,
    TimeProvider time)
{
    private const string Method = "password";

    // fields: values of the app's extra sign-up fields (its signup form config), validated and kept in the user's metadata.
    public async ValueTask<SignUpOutcome> SignUpAsync(string? emailInput, string? passwordInput, string? nameInput, string? usernameInput, ClientInfo client, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? fields = null)
    {
        using var activity = AuthsomeTelemetry.StartOperation("sign_up");
        var email = InputRules.Email(emailInput);
        var password = InputRules.Password(passwordInput);
        var name = InputRules.Name(nameInput);
        var username = InputRules.Username(usernameInput);
        var app = await apps.GetAsync(cancellationToken);
        activity?.SetTag("authsome.app_id", app.AppId.ToString());

        await accounts.EnsureSignUpEnabledAsync(app, withPassword: true, activity, cancellationToken);
        var metadata = SignUpFormFields.Validate(await store.FormConfigs.GetAsync(app.AppId, SignUpFormFields.FormType, cancellationToken), fields);
        passwords.EnsureAcceptable(password, email, username, "password");
        await accounts.BeforeSignUpAsync(new SignUpHookContext(app.AppId, email, username, name, Method), cancellationToken);

        // Hash before looking the email up, so a taken email costs the same time as a free one.
        var hash = await passwords.HashAsync(password, cancellationToken);
        var verificationRequired = await requirement.IsRequiredAsync(app.AppId, cancellationToken);
        var now = time.GetStoreNow();
        var user = AccountService.NewAccount(app, email, name, username, now) with { PasswordHash = hash, PasswordChangedAt = now, Metadata = metadata };

        // The username first: usernames are public, so a taken one may be said, but it must be said whether or not
        // the email is taken too, or the answer would tell a registered email (decoy) from a free one (409).
        if (username is not null && await store.Users.GetByUsernameAsync(app.AppId, app.EnvId, username, cancellationToken) is not null)
        {
            activity.Fail(AuthsomeErrors.UsernameTaken.Code);
            throw new AuthsomeException(AuthsomeErrors.UsernameTaken, "Another account uses this username.");
        }

        if (await store.Users.GetByEmailAsync(app.AppId, app.EnvId, email, cancellationToken) is not null)
        {
            return await DecoyAsync(user, verificationRequired, client, activity, cancellationToken);
        }

        try
        {
            await accounts.SignUpAsync(user, Method, cancellationToken);
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.EmailTaken)
        {
            // A concurrent sign-up with the same email won the race: answer it like any taken email.
            return await DecoyAsync(user, verificationRequired, client, activity, cancellationToken);
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.UsernameTaken)
        {
            activity.Fail(AuthsomeErrors.UsernameTaken.Code);
            throw new AuthsomeException(AuthsomeErrors.UsernameTaken, "Another account uses this username.");
        }

        activity?.SetTag("authsome.user_id", user.Id.ToString());
        activity.Succeed();
        if (verificationRequired)
        {
            return new SignUpOutcome(user, null, true);
        }

        var session = await sessions.CreateAsync(user, client, cancellationToken);
        return new SignUpOutcome(user, session, false);
    }

    private async ValueTask<SignUpOutcome> DecoyAsync(User lookAlike, bool verificationRequired, ClientInfo client, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        await outbox.EnqueueAsync(AccountEmails.AccountExists(lookAlike.Email), AccountEmails.Types.AccountExists, lookAlike, cancellationToken);
        // Tagged like a success: a trace must not become an enumeration oracle for whoever reads it.
        activity.Succeed();
        var shown = lookAlike with { PasswordHash = null };
        if (verificationRequired)
        {
            return new SignUpOutcome(shown, null, true);
        }

        // Made exactly as a real session is, only never stored: the same fields, lifetimes and token form.
        return new SignUpOutcome(shown, await sessions.PrepareAsync(shown, client, cancellationToken), false);
    }
}
