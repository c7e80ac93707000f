using System.Collections.Concurrent;
using Authsome.Hooks;
using Authsome.Store;
using Authsome.Store.Migrations;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Authsome.SamplePlugin.Plugin;

/// <summary>
/// A sample plugin from outside the engine's assembly: sign-in by a one-time code (a stand-in for magic links), with
/// its own migration group, routes under the engine's base path, and hooks. Hooks it implements run for every
/// sign-in, whatever the method: it refuses addresses at <c>blocked.example</c>, and records sign-ins per user in its sub-store.
/// </summary>
public sealed class OneTimeCodePlugin(ISignInRecords records, ILogger<OneTimeCodePlugin> logger) : IAuthsomePlugin, IAuthsomeHooks
{
    /// <summary>The plugin's name.</summary>
    public const string PluginName = "sample-one-time-code";

    /// <summary>The sign-in method it reports to the engine (hooks and metrics see it).</summary>
    public const string Method = "one_time_code";

    /// <inheritdoc />
    public string Name => PluginName;

    /// <inheritdoc />
    public MigrationGroup? MigrationGroup => OneTimeCodeMigrations.Group;

    /// <summary>How many sign-ins (by any method) the hook recorded for a user, read from the plugin's sub-store.</summary>
    public ValueTask<int> CountSignInsAsync(Id<User> userId, CancellationToken cancellationToken) => records.CountAsync(userId, cancellationToken);

    /// <summary>The methods the before-hook saw, in order.</summary>
    public ConcurrentQueue<string> SeenMethods { get; } = new();

    /// <inheritdoc />
    public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapOneTimeCodeRoutes();

    /// <inheritdoc />
    public ValueTask<HookResult> BeforeSignInAsync(SignInHookContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        SeenMethods.Enqueue(context.Method);
        if (context.User.Email.EndsWith("@blocked.example", StringComparison.OrdinalIgnoreCase))
        {
            logger.Refused(context.User.Id.ToString());
            return ValueTask.FromResult(HookResult.Refuse("This address may not sign in."));
        }

        return ValueTask.FromResult(HookResult.Continue);
    }

    /// <inheritdoc />
    public ValueTask AfterSignInAsync(User user, Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(session);
        return records.AddAsync(user.Id, session.CreatedAt, cancellationToken);
    }
}
