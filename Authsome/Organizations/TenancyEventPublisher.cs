using Authsome.Hooks;
using Authsome.Store;
using Microsoft.Extensions.Logging;

namespace Authsome.Organizations;

/// <summary>
/// Raises <see cref="TenancyEvent"/>s: to <see cref="IAuthsomeHooks.AfterTenancyEventAsync"/>, then through the one event
/// path (<see cref="HookRunner.PublishAsync"/>, from which the webhooks deliver it), the log and the current span.
/// </summary>
internal sealed partial class TenancyEventPublisher(HookRunner hooks, ILogger<TenancyEventPublisher> logger)
{
    public async ValueTask PublishAsync(string type, Id<App> appId, Id<Organization>? orgId, Id<User>? actorId, string subjectId, CancellationToken cancellationToken)
    {
        var tenancyEvent = new TenancyEvent(type, appId, orgId, actorId, subjectId);
        System.Diagnostics.Activity.Current?.AddEvent(new System.Diagnostics.ActivityEvent("authsome." + type));
        LogEvent(logger, type, subjectId, orgId?.ToString(), actorId?.ToString());
        await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterTenancyEventAsync), h => h.AfterTenancyEventAsync(tenancyEvent, cancellationToken));

        // A type the engine raises itself (an administrator's user.deleted is the account's user.deleted) is published once, by the engine.
        if (!AuthsomeEvents.Core.Contains(type))
        {
            await hooks.PublishAsync(tenancyEvent.ToEvent(), cancellationToken);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "{Type}: {SubjectId} (organization {OrgId}, by {ActorId})")]
    private static partial void LogEvent(ILogger logger, string type, string subjectId, string? orgId, string? actorId);
}
