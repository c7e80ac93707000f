namespace Authsome.Store.Memory;

internal sealed class MemoryAppStore(MemoryState state) : IAppStore
{
    private MemoryTable<App> Apps => state.Apps;

    public ValueTask CreateAsync(App app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        return state.Run(() => Apps.Insert(app), cancellationToken);
    }

    public ValueTask<App?> GetAsync(Id<App> id, CancellationToken cancellationToken) =>
        state.Run(() => Apps.Get(id), cancellationToken);

    public ValueTask<App?> GetBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return state.Run(() => Apps.Find(state.AppsBySlug, slug), cancellationToken);
    }

    public ValueTask<App?> GetByPublishableKeyAsync(string publishableKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publishableKey);
        return state.Run(() => Apps.Find(state.AppsByPublishableKey, publishableKey), cancellationToken);
    }

    public ValueTask<App?> GetPlatformAsync(CancellationToken cancellationToken) =>
        state.Run(() => Apps.Find(state.PlatformApp, true), cancellationToken);

    public ValueTask UpdateAsync(App app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        return state.Run(
            () =>
            {
                var stored = Apps.Get(app.Id) ?? throw new StoreNotFoundException(Apps.Entity);
                Apps.Replace(app with { CreatedAt = stored.CreatedAt });
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<App> id, CancellationToken cancellationToken) =>
        state.Run(() => state.RemoveApp(id), cancellationToken);

    public ValueTask<Page<App>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        state.Run(() => Apps.Page(_ => true, page), cancellationToken);
}
