using Authsome.Store;

namespace Authsome.Hooks;

/// <summary>
/// Hooks around the engine's operations. Implement the ones you need (the others do nothing) and register with
/// <c>AuthsomeBuilder.AddHooks&lt;T&gt;()</c>; a plugin that implements this is registered as hooks automatically.
/// A before-hook may refuse the operation (the client gets 403 <c>request_refused</c> with the reason). An
/// after-hook runs once the operation is done: if it throws, the failure is logged and the request still succeeds.
/// </summary>
public interface IAuthsomeHooks
{
    /// <summary>Before an account is created by sign-up.</summary>
    ValueTask<HookResult> BeforeSignUpAsync(SignUpHookContext context, CancellationToken cancellationToken) => ValueTask.FromResult(HookResult.Continue);

    /// <summary>After an account was created by sign-up (not called for the decoy answer to a taken email).</summary>
    ValueTask AfterSignUpAsync(User user, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Before a session is issued to a user whose credentials were accepted.</summary>
    ValueTask<HookResult> BeforeSignInAsync(SignInHookContext context, CancellationToken cancellationToken) => ValueTask.FromResult(HookResult.Continue);

    /// <summary>After a user signed in.</summary>
    ValueTask AfterSignInAsync(User user, Session session, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Before a session is signed out.</summary>
    ValueTask<HookResult> BeforeSignOutAsync(Session session, CancellationToken cancellationToken) => ValueTask.FromResult(HookResult.Continue);

    /// <summary>After a session was signed out.</summary>
    ValueTask AfterSignOutAsync(Session session, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Before a user is stored for the first time.</summary>
    ValueTask<HookResult> BeforeUserCreateAsync(User user, CancellationToken cancellationToken) => ValueTask.FromResult(HookResult.Continue);

    /// <summary>After a user was stored for the first time.</summary>
    ValueTask AfterUserCreateAsync(User user, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Before a user's profile is changed by the user.</summary>
    ValueTask<HookResult> BeforeUserUpdateAsync(User current, User updated, CancellationToken cancellationToken) => ValueTask.FromResult(HookResult.Continue);

    /// <summary>After a user was changed (profile, password, verification).</summary>
    ValueTask AfterUserUpdateAsync(User user, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Before a user deletes their account.</summary>
    ValueTask<HookResult> BeforeUserDeleteAsync(User user, CancellationToken cancellationToken) => ValueTask.FromResult(HookResult.Continue);

    /// <summary>After a user's account was deleted.</summary>
    ValueTask AfterUserDeleteAsync(User user, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>After a session was created.</summary>
    ValueTask AfterSessionCreateAsync(Session session, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>After a session was refreshed (its tokens rotated).</summary>
    ValueTask AfterSessionRefreshAsync(Session session, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>After one or more sessions of a user were revoked; <paramref name="reason"/> is e.g. <c>signed_out</c>, <c>password_changed</c>, <c>token_reused</c>.</summary>
    ValueTask AfterSessionsRevokedAsync(Id<User> userId, string reason, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>After an organization, member, invitation, team, role or administrative change was stored (see <see cref="Organizations.TenancyEventTypes"/>).</summary>
    ValueTask AfterTenancyEventAsync(Organizations.TenancyEvent tenancyEvent, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
