using Authsome.Store;

namespace Authsome.Hooks;

/// <summary>
/// Something that happened, named by a dotted type (<c>user.created</c>, <c>org.created</c>, <c>password.changed</c>)
/// with its data as clients may see it (never a hash or a secret). Raised through <c>HookRunner.PublishAsync</c>,
/// received by every <see cref="IAuthsomeHooks.OnEventAsync"/>: webhooks deliver every event raised this way, so a
/// feature that raises its own events needs no change to the webhooks.
/// </summary>
/// <param name="Type">The event type: lower-case words joined by dots.</param>
/// <param name="AppId">The app it happened in.</param>
/// <param name="Data">The payload's <c>data</c>, serialised with the engine's JSON conventions (snake_case).</param>
public sealed record AuthsomeEvent(string Type, Id<App> AppId, object Data);
