using Authsome.Store;
using Authsome.Store.Memory;

namespace Authsome.Organizations.Teams;

/// <summary>Team membership beside the in-memory store's data, under its lock.</summary>
internal sealed class MemoryTeamMemberStore : ITeamMemberStore
{
    private readonly MemoryPluginContext context;

    // Touched only under the store's lock.
    private readonly Dictionary<(Id<Team> Team, Id<Member> Member), DateTimeOffset> rows = [];

    public MemoryTeamMemberStore(MemoryPluginContext context)
    {
        this.context = context;

        // Rows go with their teams when an organization is deleted, as the relational foreign key makes them.
        context.DeleteWithTeams(RemoveTeams);
    }

    public ValueTask<bool> AddAsync(Id<Team> teamId, Id<Member> memberId, DateTimeOffset at, CancellationToken cancellationToken) =>
        context.RunAsync(() => rows.TryAdd((teamId, memberId), StoreTime.Normalize(at)), cancellationToken);

    public ValueTask<bool> RemoveAsync(Id<Team> teamId, Id<Member> memberId, CancellationToken cancellationToken) =>
        context.RunAsync(() => rows.Remove((teamId, memberId)), cancellationToken);

    public ValueTask<IReadOnlyList<Id<Member>>> ListAsync(Id<Team> teamId, CancellationToken cancellationToken) =>
        context.RunAsync<IReadOnlyList<Id<Member>>>(
            () => [.. rows.Where(r => r.Key.Team == teamId).OrderBy(r => r.Value).ThenBy(r => r.Key.Member).Select(r => r.Key.Member)],
            cancellationToken);

    public ValueTask DeleteTeamAsync(Id<Team> teamId, CancellationToken cancellationToken) =>
        context.RunAsync(() => RemoveTeams(new HashSet<Id<Team>> { teamId }), cancellationToken);

    private void RemoveTeams(IReadOnlySet<Id<Team>> teams)
    {
        foreach (var key in rows.Keys.Where(k => teams.Contains(k.Team)).ToList())
        {
            rows.Remove(key);
        }
    }
}
