using Authsome.Accounts;
using Authsome.Apps;
using Authsome.Errors;
using Authsome.Sessions;
using Authsome.Store;
using Authsome.Telemetry;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Federation;

/// <summary>
/// Sign-in for users whom a plugin authenticated without a password (a magic link, an identity provider): signs the
/// user in, or creates the account when sign-up is allowed, with the engine's hooks around both. The email is taken as
/// verified because the plugin proved control of it.
/// </summary>
internal sealed class ExternalSignIn(
    IAuthsomeStore store,
    AppResolver apps,
    AccountService accounts,
    SessionService sessions,
    HookRunner hooks,
    AuthsomeMetrics metrics,
    IOptionsMonitor<AuthsomeOptions> options,
    TimeProvider time)
{
    /// <summary>Whether the app lets newcomers create an account; <paramref name="methodEnabled"/> is the app's switch for the plugin's method, if it has one.</summary>
    public async ValueTask<bool> SignUpAllowedAsync(Func<AppClientConfig, bool?>? methodEnabled, CancellationToken cancellationToken)
    {
        var app = await apps.GetAsync(cancellationToken);
        var config = await store.AppClientConfigs.GetAsync(app.AppId, cancellationToken);
        return (config?.SignUpEnabled ?? options.CurrentValue.SignUp.Enabled) && (config is null || methodEnabled?.Invoke(config) != false);
    }

    /// <summary>
    /// Creates an account whose email the plugin proved, after the sign-up hooks. Throws <see cref="StoreConflictException"/>
    /// (EmailTaken) when a concurrent request created it first.
    /// </summary>
    public async ValueTask<User> SignUpAsync(string email, string? name, string? image, string method, CancellationToken cancellationToken)
    {
        var app = await apps.GetAsync(cancellationToken);
        await hooks.BeforeAsync(nameof(IAuthsomeHooks.BeforeSignUpAsync),
            h => h.BeforeSignUpAsync(new SignUpHookContext(app.AppId, email, null, name, method), cancellationToken));
        var now = time.GetStoreNow();
        var user = new User
        {
            Id = Id<User>.New(now),
            AppId = app.AppId,
            EnvId = app.EnvId,
            Email = email,
            EmailVerified = true,
            Name = name,
            Image = image,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await accounts.CreateAsync(user, method, cancellationToken);
        await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterSignUpAsync), h => h.AfterSignUpAsync(user, cancellationToken));
        return user;
    }

    /// <summary>Marks the user's email verified (the plugin just proved control of it); returns the user as stored.</summary>
    public async ValueTask<User> MarkEmailVerifiedAsync(User user, CancellationToken cancellationToken)
    {
        if (user.EmailVerified)
        {
            return user;
        }

        var verified = user with { EmailVerified = true, UpdatedAt = time.GetStoreNow() };
        await store.Users.UpdateAsync(verified, cancellationToken);
        await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterUserUpdateAsync), h => h.AfterUserUpdateAsync(verified, cancellationToken));
        return verified;
    }

    /// <summary>Issues a session to a user the plugin authenticated. Throws <see cref="AuthsomeException"/>: account_banned, request_refused.</summary>
    public async ValueTask<IssuedSession> SignInAsync(User user, string method, ClientInfo client, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("sign_in");
        activity?.SetTag("authsome.user_id", user.Id.ToString());
        activity?.SetTag("authsome.method", method);
        if (user.IsBanned(time.GetStoreNow()))
        {
            metrics.SignInFailed("banned");
            activity.Fail(AuthsomeErrors.AccountBanned.Code);
            throw new AuthsomeException(AuthsomeErrors.AccountBanned);
        }

        await hooks.BeforeAsync(nameof(IAuthsomeHooks.BeforeSignInAsync),
            h => h.BeforeSignInAsync(new SignInHookContext(user, method, client.IpAddress, client.UserAgent), cancellationToken));
        var issued = await sessions.CreateAsync(user, client, cancellationToken);
        metrics.SignIn(method);
        activity.Succeed();
        await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterSignInAsync), h => h.AfterSignInAsync(user, issued.Session, cancellationToken));
        return issued;
    }
}
