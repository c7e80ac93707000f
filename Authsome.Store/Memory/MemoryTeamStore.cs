namespace Authsome.Store.Memory;

internal sealed class MemoryTeamStore(MemoryState state) : ITeamStore
{
    private MemoryTable<Team> Teams => state.Teams;

    public ValueTask CreateAsync(Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        return state.Run(() => Teams.Insert(team), cancellationToken);
    }

    public ValueTask<Team?> GetAsync(Id<Team> id, CancellationToken cancellationToken) =>
        state.Run(() => Teams.Get(id), cancellationToken);

    public ValueTask UpdateAsync(Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        return state.Run(
            () =>
            {
                var stored = Teams.Get(team.Id) ?? throw new StoreNotFoundException(Teams.Entity);
                Teams.Replace(team with { CreatedAt = stored.CreatedAt });
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<Team> id, CancellationToken cancellationToken) =>
        state.Run(() => Teams.Remove(id), cancellationToken);

    public ValueTask<IReadOnlyList<Team>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<Team>>(() => [.. Teams.Where(t => t.OrgId == orgId)], cancellationToken);
}
