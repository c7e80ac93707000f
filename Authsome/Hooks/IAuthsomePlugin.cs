using Authsome.Store.Migrations;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Hooks;

/// <summary>
/// A feature added to the engine (password sign-in, MFA, passkeys, ...). Register one with
/// <c>AuthsomeBuilder.AddPlugin&lt;T&gt;()</c>, usually from the plugin's own builder extension (e.g. <c>AddPassword()</c>).
/// Lifecycle: the plugin is constructed by dependency injection; its <see cref="MigrationGroup"/> is applied with the
/// core group; <see cref="StartAsync"/> runs once the store is migrated and the app resolved; <see cref="MapRoutes"/>
/// runs inside <c>MapAuthsome()</c>; <see cref="StopAsync"/> runs when the host stops. A plugin that also implements
/// <see cref="IAuthsomeHooks"/> receives the engine's hooks.
/// </summary>
public interface IAuthsomePlugin
{
    /// <summary>A short unique name, e.g. <c>password</c>.</summary>
    string Name { get; }

    /// <summary>The plugin's tables, as a migration group depending on the core group <c>authsome</c>; null when it has none.</summary>
    MigrationGroup? MigrationGroup => null;

    /// <summary>Called once at start-up, after migrations.</summary>
    ValueTask StartAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Called once when the host stops.</summary>
    ValueTask StopAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Maps the plugin's routes into the engine's route group (already under the base path, rate limited and documented).</summary>
    void MapRoutes(IEndpointRouteBuilder routes)
    {
    }
}
