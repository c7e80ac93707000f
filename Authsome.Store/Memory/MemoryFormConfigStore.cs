namespace Authsome.Store.Memory;

internal sealed class MemoryFormConfigStore(MemoryState state) : IFormConfigStore
{
    private MemoryTable<FormConfig> FormConfigs => state.FormConfigs;

    public ValueTask CreateAsync(FormConfig formConfig, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(formConfig);
        return state.Run(() => FormConfigs.Insert(formConfig), cancellationToken);
    }

    public ValueTask<FormConfig?> GetAsync(Id<App> appId, string formType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(formType);
        return state.Run(() => FormConfigs.Find(state.FormConfigsByType, (appId, formType)), cancellationToken);
    }

    public ValueTask UpdateAsync(FormConfig formConfig, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(formConfig);
        return state.Run(
            () =>
            {
                var stored = FormConfigs.Get(formConfig.Id) ?? throw new StoreNotFoundException(FormConfigs.Entity);
                FormConfigs.Replace(formConfig with { CreatedAt = stored.CreatedAt });
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<FormConfig> id, CancellationToken cancellationToken) =>
        state.Run(() => FormConfigs.Remove(id), cancellationToken);

    public ValueTask<IReadOnlyList<FormConfig>> ListAsync(Id<App> appId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<FormConfig>>(() => [.. FormConfigs.Where(f => f.AppId == appId)], cancellationToken);
}
