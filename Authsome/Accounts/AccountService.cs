using Authsome.Apps;
using Authsome.Errors;
using Authsome.Hooks;
using Authsome.Messaging;
using Authsome.Sessions;
using Authsome.Store;
using Authsome.Telemetry;
using Authsome.Verification;
using Microsoft.Extensions.Options;

namespace Authsome.Accounts;

/// <summary>Creating, changing and deleting users, with the user hooks around each.</summary>
internal sealed class AccountService(
    IAuthsomeStore store,
    AppResolver apps,
    AppConfigCache configs,
    SessionService sessions,
    VerificationService verification,
    HookRunner hooks,
    UnitOfWork units,
    AuthsomeMetrics metrics,
    IOptionsMonitor<AuthsomeOptions> options,
    TimeProvider time)
{
    /// <summary>
    /// Stores a new user after the before-hook, with its user.created event in the same unit of work; throws
    /// <see cref="StoreConflictException"/> as the store does.
    /// </summary>
    public async ValueTask CreateAsync(User user, string method, CancellationToken cancellationToken)
    {
        await hooks.BeforeAsync(nameof(IAuthsomeHooks.BeforeUserCreateAsync), h => h.BeforeUserCreateAsync(user, cancellationToken));
        await units.RunAsync(
            async ct =>
            {
                await store.Users.CreateAsync(user, ct);
                await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterUserCreateAsync), h => h.AfterUserCreateAsync(user, ct),
                    AuthsomeEvents.OfUser(AuthsomeEvents.UserCreated, user), ct);
            },
            cancellationToken);
        metrics.SignUp(method);
    }

    /// <summary>
    /// Signs a new account up as one unit of work: the user, its user.created event, the sign-up after-hooks and the
    /// verification mail commit together or not at all. Throws <see cref="StoreConflictException"/> as the store does.
    /// </summary>
    public Task SignUpAsync(User user, string method, CancellationToken cancellationToken) =>
        units.RunAsync(
            async ct =>
            {
                await CreateAsync(user, method, ct);
                await FinishSignUpAsync(user, ct);
            },
            cancellationToken);

    /// <summary>A new user of <paramref name="app"/> from checked and normalised values, not yet stored.</summary>
    public static User NewAccount(AuthsomeApp app, string email, string? name, string? username, DateTimeOffset now) => new()
    {
        Id = Id<User>.New(now),
        AppId = app.AppId,
        EnvId = app.EnvId,
        Email = email,
        Name = name,
        Username = username,
        DisplayUsername = username,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Throws signup_disabled unless <paramref name="app"/> takes sign-ups (with a password, when <paramref name="withPassword"/>).</summary>
    public async ValueTask EnsureSignUpEnabledAsync(AuthsomeApp app, bool withPassword, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        var clientConfig = await configs.GetClientConfigAsync(app.AppId, cancellationToken);
        if (!(clientConfig?.SignUpEnabled ?? options.CurrentValue.SignUp.Enabled) || (withPassword && clientConfig?.PasswordEnabled == false))
        {
            activity.Fail(AuthsomeErrors.SignUpDisabled.Code);
            throw new AuthsomeException(AuthsomeErrors.SignUpDisabled);
        }
    }

    /// <summary>Runs the sign-up before-hooks; throws request_refused when one refuses.</summary>
    public ValueTask BeforeSignUpAsync(SignUpHookContext context, CancellationToken cancellationToken) =>
        hooks.BeforeAsync(nameof(IAuthsomeHooks.BeforeSignUpAsync), h => h.BeforeSignUpAsync(context, cancellationToken));

    /// <summary>
    /// Creates an account without a password for a plugin that authenticated the person itself: the sign-up rules and
    /// hooks of password sign-up, and the verification mail unless the plugin proved the address. A taken email is
    /// email_taken (the plugin decides what its caller may learn).
    /// </summary>
    public async ValueTask<User> SignUpAsync(NewUser input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.Method);
        using var activity = AuthsomeTelemetry.StartOperation("sign_up");
        var email = InputRules.Email(input.Email);
        var name = InputRules.Name(input.Name);
        var username = InputRules.Username(input.Username);
        var image = InputRules.ImageUrl(input.Image);
        var app = await apps.GetAsync(cancellationToken);
        activity?.SetTag("authsome.app_id", app.AppId.ToString());
        await EnsureSignUpEnabledAsync(app, withPassword: false, activity, cancellationToken);
        await BeforeSignUpAsync(new SignUpHookContext(app.AppId, email, username, name, input.Method), cancellationToken);

        var user = NewAccount(app, email, name, username, time.GetStoreNow()) with { EmailVerified = input.EmailVerified, Image = image };
        try
        {
            await SignUpAsync(user, input.Method, cancellationToken);
        }
        catch (StoreConflictException ex) when (ex.Kind is ConflictKind.EmailTaken or ConflictKind.UsernameTaken)
        {
            var error = ex.Kind == ConflictKind.EmailTaken ? AuthsomeErrors.EmailTaken : AuthsomeErrors.UsernameTaken;
            activity.Fail(error.Code);
            throw new AuthsomeException(error);
        }

        activity?.SetTag("authsome.user_id", user.Id.ToString());
        activity.Succeed();
        return user;
    }

    /// <summary>After a new account is stored: the sign-up after-hooks, then the verification mail unless the address is verified.</summary>
    private async ValueTask FinishSignUpAsync(User user, CancellationToken cancellationToken)
    {
        await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterSignUpAsync), h => h.AfterSignUpAsync(user, cancellationToken));
        if (!user.EmailVerified)
        {
            await verification.SendAsync(user, cancellationToken);
        }
    }

    /// <summary>Applies a profile change: absent fields stay, empty strings clear.</summary>
    public async ValueTask<User> UpdateAsync(User current, UserUpdate change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (name, firstName, lastName, username, image) = (change.Name, change.FirstName, change.LastName, change.Username, change.Image);
        using var activity = AuthsomeTelemetry.StartOperation("user.update");
        activity?.SetTag("authsome.user_id", current.Id.ToString());
        var now = time.GetStoreNow();
        User Change(User user)
        {
            var changed = user with
            {
                Name = name is null ? user.Name : InputRules.Name(name, "name"),
                FirstName = firstName is null ? user.FirstName : InputRules.Name(firstName, "first_name"),
                LastName = lastName is null ? user.LastName : InputRules.Name(lastName, "last_name"),
                Image = image is null ? user.Image : InputRules.ImageUrl(image),
                EmailVerified = change.EmailVerified ?? user.EmailVerified,
                UpdatedAt = now,
            };
            if (username is not null)
            {
                var normalized = username.Length == 0 ? null : InputRules.Username(username);
                changed = changed with { Username = normalized, DisplayUsername = normalized };
            }

            return changed;
        }

        var proposed = Change(current);
        await hooks.BeforeAsync(nameof(IAuthsomeHooks.BeforeUserUpdateAsync), h => h.BeforeUserUpdateAsync(current, proposed, cancellationToken));
        User updated;
        try
        {
            updated = await units.RunAsync(
                async ct =>
                {
                    // Deleted between authentication and now: as if the session had ended.
                    var stored = await store.Users.ApplyAsync(current, Change, ct) ?? throw new AuthsomeException(AuthsomeErrors.Unauthenticated);
                    await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterUserUpdateAsync), h => h.AfterUserUpdateAsync(stored, ct),
                        AuthsomeEvents.OfUser(AuthsomeEvents.UserUpdated, stored), ct);
                    return stored;
                },
                cancellationToken);
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.UsernameTaken)
        {
            activity.Fail(AuthsomeErrors.UsernameTaken.Code);
            throw new AuthsomeException(AuthsomeErrors.UsernameTaken, "Another account uses this username.");
        }

        activity.Succeed();
        return updated;
    }

    /// <summary>Deletes the account: its sessions end and the user is soft-deleted (email and username become free).</summary>
    public async ValueTask DeleteAsync(User user, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("user.delete");
        activity?.SetTag("authsome.user_id", user.Id.ToString());
        await hooks.BeforeAsync(nameof(IAuthsomeHooks.BeforeUserDeleteAsync), h => h.BeforeUserDeleteAsync(user, cancellationToken));
        await units.RunAsync(
            async ct =>
            {
                await store.Users.DeleteAsync(user.Id, time.GetStoreNow(), ct);
                await sessions.EndAllAsync(user.Id, null, "account_deleted", ct);
                await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterUserDeleteAsync), h => h.AfterUserDeleteAsync(user, ct),
                    AuthsomeEvents.OfUser(AuthsomeEvents.UserDeleted, user), ct);
            },
            cancellationToken);
        activity.Succeed();
    }
}
