namespace Authsome.Store.Memory;

internal sealed class MemorySettingsStore(MemoryState state) : ISettingsStore
{
    private MemoryTable<Setting> Settings => state.Settings;

    public ValueTask<Setting?> GetAsync(string key, SettingScope scope, string scopeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(scopeId);
        return state.Run(() => Settings.Find(state.SettingsByKey, (key, scope, scopeId)), cancellationToken);
    }

    public ValueTask<Setting> SetAsync(Setting setting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return state.Run(
            () =>
            {
                if (Settings.Find(state.SettingsByKey, (setting.Key, setting.Scope, setting.ScopeId)) is { } stored)
                {
                    var replaced = setting with { Id = stored.Id, CreatedAt = stored.CreatedAt };
                    Settings.Replace(replaced);
                    return replaced;
                }

                Settings.Insert(setting);
                return setting;
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(string key, SettingScope scope, string scopeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(scopeId);
        return state.Run(
            () => Settings.Find(state.SettingsByKey, (key, scope, scopeId)) is { } stored && Settings.Remove(stored.Id),
            cancellationToken);
    }

    public ValueTask<IReadOnlyList<Setting>> ListAsync(SettingScope scope, string scopeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopeId);
        return state.Run<IReadOnlyList<Setting>>(
            () => [.. Settings.Rows.Where(s => s.Scope == scope && s.ScopeId == scopeId).OrderBy(s => s.Key, StringComparer.Ordinal)],
            cancellationToken);
    }
}
