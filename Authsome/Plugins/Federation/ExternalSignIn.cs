using Authsome.Errors;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Federation;

/// <summary>
/// What the passwordless plugins (magic links, social sign-in) share on top of the public engine surface
/// (<see cref="IAuthsomeEngine"/>): whether a newcomer may sign up by the plugin's method, creating an account whose
/// email the plugin proved, marking an existing account's email verified, and signing the user in.
/// </summary>
internal sealed class ExternalSignIn(IAuthsomeEngine engine, IAuthsomeStore store, IOptionsMonitor<AuthsomeOptions> options)
{
    /// <summary>Whether the app lets newcomers create an account; <paramref name="methodEnabled"/> is the app's switch for the plugin's method, if it has one.</summary>
    public async ValueTask<bool> SignUpAllowedAsync(Func<AppClientConfig, bool?>? methodEnabled, CancellationToken cancellationToken)
    {
        var app = await engine.GetAppAsync(cancellationToken);
        var config = await store.AppClientConfigs.GetAsync(app.AppId, cancellationToken);
        return (config?.SignUpEnabled ?? options.CurrentValue.SignUp.Enabled) && (config is null || methodEnabled?.Invoke(config) != false);
    }

    /// <summary>
    /// Creates an account whose email the plugin proved (the engine's sign-up hooks run). When a concurrent request
    /// created the same email first, that account is returned. Throws <see cref="AuthsomeException"/> for the engine's
    /// refusals (signup_disabled, request_refused).
    /// </summary>
    public async ValueTask<User> SignUpAsync(string email, string? name, string? image, string method, CancellationToken cancellationToken)
    {
        var created = await engine.CreateUserAsync(new NewUser(email, method)
        {
            Name = name is { Length: > 0 and <= 100 } ? name : null,
            Image = Uri.TryCreate(image, UriKind.Absolute, out var picture) && picture.Scheme == Uri.UriSchemeHttps ? image : null,
            EmailVerified = true,
        }, cancellationToken);
        if (created.Failure?.Code == AuthsomeErrors.EmailTaken.Code && await engine.FindUserByEmailAsync(email, cancellationToken) is { } raced)
        {
            return raced;
        }

        return created.GetValueOrThrow();
    }

    /// <summary>Marks the user's email verified (the plugin just proved control of it); returns the user as stored.</summary>
    public async ValueTask<User> MarkEmailVerifiedAsync(User user, CancellationToken cancellationToken) =>
        user.EmailVerified ? user : (await engine.UpdateUserAsync(user.Id, new UserUpdate { EmailVerified = true }, cancellationToken)).GetValueOrThrow();

    /// <summary>Issues a session to a user the plugin authenticated. Throws <see cref="AuthsomeException"/>: account_banned, email_not_verified, request_refused.</summary>
    public async ValueTask<IssuedSession> SignInAsync(User user, string method, ClientInfo client, CancellationToken cancellationToken) =>
        (await engine.SignInAsync(user, method, client, cancellationToken)).GetValueOrThrow().Session;
}
