using Authsome.Errors;
using Authsome.Messaging;
using Microsoft.Extensions.Logging;

namespace Authsome.Hooks;

/// <summary>
/// Runs the registered hooks: before-hooks in registration order until one refuses; after-hooks all, each failure
/// logged. The one exception is an outbox (<see cref="IOutboxHook"/>) inside a <see cref="UnitOfWork"/>: its failure
/// propagates and rolls the change back, since a change whose event cannot be recorded must not commit without it.
/// </summary>
internal sealed partial class HookRunner(IEnumerable<IAuthsomeHooks> hooks, ILogger<HookRunner> logger)
{
    private readonly IAuthsomeHooks[] hooks = [.. hooks.Distinct()];

    /// <summary>Runs a before-hook on every registration; throws <see cref="AuthsomeException"/> (request_refused) on the first refusal.</summary>
    public async ValueTask BeforeAsync(string hook, Func<IAuthsomeHooks, ValueTask<HookResult>> call)
    {
        foreach (var h in hooks)
        {
            var result = await call(h);
            if (result.IsRefused)
            {
                LogRefused(logger, hook, h.GetType().Name);
                throw new AuthsomeException(AuthsomeErrors.Refused, result.RefusalReason);
            }
        }
    }

    /// <summary>Runs an after-hook on every registration; failures are logged and swallowed, cancellation included.</summary>
    public async ValueTask AfterAsync(string hook, Func<IAuthsomeHooks, ValueTask> call)
    {
        foreach (var h in hooks)
        {
            try
            {
                await call(h);
            }
            catch (Exception ex) when (h is not IOutboxHook || !UnitOfWork.IsActive)
            {
                LogAfterHookFailed(logger, ex, hook, h.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Runs an after-hook on every registration, then raises <paramref name="raised"/> through <see cref="PublishAsync"/>:
    /// how a typed hook's event (user.created, a tenancy event, mfa.enabled) reaches OnEventAsync and the webhooks.
    /// </summary>
    public async ValueTask AfterAsync(string hook, Func<IAuthsomeHooks, ValueTask> call, AuthsomeEvent raised, CancellationToken cancellationToken)
    {
        await AfterAsync(hook, call);
        await PublishAsync(raised, cancellationToken);
    }

    /// <summary>
    /// Raises an event to every <see cref="IAuthsomeHooks.OnEventAsync"/>, as an after-hook (failures logged and swallowed).
    /// The one path of events: the webhooks' outbox is an OnEventAsync, so whatever is raised here is delivered.
    /// </summary>
    public ValueTask PublishAsync(AuthsomeEvent authsomeEvent, CancellationToken cancellationToken) =>
        AfterAsync(nameof(IAuthsomeHooks.OnEventAsync), h => h.OnEventAsync(authsomeEvent, cancellationToken));

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "{Hooks}.{Hook} refused the operation")]
    private static partial void LogRefused(ILogger logger, string hook, string hooks);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Error, Message = "{Hooks}.{Hook} failed; the operation went on")]
    private static partial void LogAfterHookFailed(ILogger logger, Exception exception, string hook, string hooks);
}
