using Authsome.Errors;
using Authsome.Plugins;
using Authsome.Sessions;
using Authsome.Store;
using Authsome.Telemetry;

namespace Authsome.Accounts;

/// <summary>Creating, changing and deleting users, with the user hooks around each.</summary>
internal sealed class AccountService(IAuthsomeStore store, SessionService sessions, HookRunner hooks, AuthsomeMetrics metrics, TimeProvider time)
{
    /// <summary>Stores a new user after the before-hook; throws <see cref="StoreConflictException"/> as the store does.</summary>
    public async ValueTask CreateAsync(User user, string method, CancellationToken cancellationToken)
    {
        await hooks.BeforeAsync(nameof(IAuthsomeHooks.BeforeUserCreateAsync), h => h.BeforeUserCreateAsync(user, cancellationToken));
        await store.Users.CreateAsync(user, cancellationToken);
        metrics.SignUp(method);
        await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterUserCreateAsync), h => h.AfterUserCreateAsync(user, cancellationToken));
    }

    /// <summary>Applies a profile change made by the user: absent fields stay, empty strings clear.</summary>
    public async ValueTask<User> UpdateProfileAsync(User current, string? name, string? firstName, string? lastName, string? username, string? image, CancellationToken cancellationToken)
    {
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
            // Deleted between authentication and now: as if the session had ended.
            updated = await store.Users.ApplyAsync(current, Change, cancellationToken) ?? throw new AuthsomeException(AuthsomeErrors.Unauthenticated);
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.UsernameTaken)
        {
            activity.Fail(AuthsomeErrors.UsernameTaken.Code);
            throw new AuthsomeException(AuthsomeErrors.UsernameTaken, "Another account uses this username.");
        }

        activity.Succeed();
        await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterUserUpdateAsync), h => h.AfterUserUpdateAsync(updated, cancellationToken));
        return updated;
    }

    /// <summary>Deletes the account: its sessions end and the user is soft-deleted (email and username become free).</summary>
    public async ValueTask DeleteAsync(User user, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("user.delete");
        activity?.SetTag("authsome.user_id", user.Id.ToString());
        await hooks.BeforeAsync(nameof(IAuthsomeHooks.BeforeUserDeleteAsync), h => h.BeforeUserDeleteAsync(user, cancellationToken));
        await store.Users.DeleteAsync(user.Id, time.GetStoreNow(), cancellationToken);
        await sessions.EndAllAsync(user.Id, null, "account_deleted", cancellationToken);
        activity.Succeed();
        await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterUserDeleteAsync), h => h.AfterUserDeleteAsync(user, cancellationToken));
    }
}
