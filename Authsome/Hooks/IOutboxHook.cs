namespace Authsome.Hooks;

/// <summary>
/// A hook that records events durably in the store (the webhooks' delivery outbox). Inside a unit of work its write
/// enlists in the change's transaction, and <see cref="HookRunner"/> lets its failure fail the change instead of
/// logging it: the change and its event commit together or not at all.
/// </summary>
internal interface IOutboxHook : IAuthsomeHooks;
