namespace Authsome.Store;

/// <summary>Where a setting is being resolved: the narrowest scope that has a value wins (user, then organization, then app, then global).</summary>
public sealed record SettingsContext(Id<App>? AppId = null, Id<Organization>? OrgId = null, Id<User>? UserId = null);

/// <summary>Resolves settings across scopes on top of any <see cref="ISettingsStore"/>, so every backend resolves alike.</summary>
public static class SettingsResolver
{
    /// <summary>The most specific setting for the key, or null when no scope has one.</summary>
    public static async ValueTask<Setting?> ResolveAsync(this ISettingsStore store, string key, SettingsContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (scope, scopeId) in ScopesNarrowestFirst(context))
        {
            if (await store.GetAsync(key, scope, scopeId, cancellationToken).ConfigureAwait(false) is { } setting)
            {
                return setting;
            }
        }

        return null;
    }

    /// <summary>The most specific setting of each key that has one.</summary>
    public static async ValueTask<IReadOnlyDictionary<string, Setting>> ResolveManyAsync(this ISettingsStore store, IEnumerable<string> keys, SettingsContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(context);
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        var resolved = new Dictionary<string, Setting>(StringComparer.Ordinal);
        foreach (var (scope, scopeId) in ScopesNarrowestFirst(context))
        {
            foreach (var setting in await store.ListAsync(scope, scopeId, cancellationToken).ConfigureAwait(false))
            {
                if (wanted.Contains(setting.Key))
                {
                    resolved.TryAdd(setting.Key, setting);
                }
            }
        }

        return resolved;
    }

    private static IEnumerable<(SettingScope Scope, string ScopeId)> ScopesNarrowestFirst(SettingsContext context)
    {
        if (context.UserId is { } user)
        {
            yield return (SettingScope.User, user.ToString());
        }

        if (context.OrgId is { } org)
        {
            yield return (SettingScope.Organization, org.ToString());
        }

        if (context.AppId is { } app)
        {
            yield return (SettingScope.App, app.ToString());
        }

        yield return (SettingScope.Global, string.Empty);
    }
}
