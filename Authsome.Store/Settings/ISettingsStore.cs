namespace Authsome.Store;

/// <summary>Settings at global, app, organization and user scope. Resolution across scopes is in <see cref="SettingsResolver"/>.</summary>
public interface ISettingsStore
{
    ValueTask<Setting?> GetAsync(string key, SettingScope scope, string scopeId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the value at (key, scope, scope id). When one exists, its id and creation time are kept; returns what is stored.</summary>
    ValueTask<Setting> SetAsync(Setting setting, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(string key, SettingScope scope, string scopeId, CancellationToken cancellationToken);

    /// <summary>The settings of one scope, ordered by key (ordinal, not by a collation).</summary>
    ValueTask<IReadOnlyList<Setting>> ListAsync(SettingScope scope, string scopeId, CancellationToken cancellationToken);
}
