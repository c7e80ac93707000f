namespace Authsome.Store.Memory;

internal sealed class MemoryEnvironmentStore(MemoryState state) : IEnvironmentStore
{
    private MemoryTable<AppEnvironment> Environments => state.Environments;

    public ValueTask CreateAsync(AppEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return state.Run(() => Environments.Insert(environment), cancellationToken);
    }

    public ValueTask<AppEnvironment?> GetAsync(Id<AppEnvironment> id, CancellationToken cancellationToken) =>
        state.Run(() => Environments.Get(id), cancellationToken);

    public ValueTask<AppEnvironment?> GetBySlugAsync(Id<App> appId, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return state.Run(() => Environments.Find(state.EnvironmentsBySlug, (appId, slug)), cancellationToken);
    }

    public ValueTask<AppEnvironment?> GetDefaultAsync(Id<App> appId, CancellationToken cancellationToken) =>
        state.Run(() => Environments.Find(state.DefaultEnvironments, appId), cancellationToken);

    public ValueTask SetDefaultAsync(Id<App> appId, Id<AppEnvironment> id, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                var chosen = Environments.Get(id) is { } environment && environment.AppId == appId
                    ? environment
                    : throw new StoreNotFoundException(Environments.Entity);
                if (chosen.IsDefault)
                {
                    return;
                }

                if (Environments.Find(state.DefaultEnvironments, appId) is { } current)
                {
                    Environments.Replace(current with { IsDefault = false });
                }

                Environments.Replace(chosen with { IsDefault = true });
            },
            cancellationToken);

    public ValueTask UpdateAsync(AppEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return state.Run(
            () =>
            {
                var stored = Environments.Get(environment.Id) ?? throw new StoreNotFoundException(Environments.Entity);
                Environments.Replace(environment with { IsDefault = stored.IsDefault, CreatedAt = stored.CreatedAt });
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<AppEnvironment> id, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                if (Environments.Get(id) is { IsDefault: true })
                {
                    throw new StoreConflictException(ConflictKind.DefaultEnvironment, Environments.Entity);
                }

                return Environments.Remove(id);
            },
            cancellationToken);

    public ValueTask<IReadOnlyList<AppEnvironment>> ListAsync(Id<App> appId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<AppEnvironment>>(() => [.. Environments.Where(e => e.AppId == appId)], cancellationToken);
}
