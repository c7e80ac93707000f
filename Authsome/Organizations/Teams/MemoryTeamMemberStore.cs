using System.Collections.Concurrent;
using Authsome.Store;

namespace Authsome.Organizations.Teams;

/// <summary>Team membership in process memory, beside the in-memory store.</summary>
internal sealed class MemoryTeamMemberStore : ITeamMemberStore
{
    private readonly ConcurrentDictionary<(Id<Team> Team, Id<Member> Member), DateTimeOffset> rows = new();

    public ValueTask<bool> AddAsync(Id<Team> teamId, Id<Member> memberId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ValueTask.FromResult(rows.TryAdd((teamId, memberId), at));

    public ValueTask<bool> RemoveAsync(Id<Team> teamId, Id<Member> memberId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(rows.TryRemove((teamId, memberId), out _));

    public ValueTask<IReadOnlyList<Id<Member>>> ListAsync(Id<Team> teamId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Id<Member>>>([.. rows.Where(r => r.Key.Team == teamId).OrderBy(r => r.Value).ThenBy(r => r.Key.Member).Select(r => r.Key.Member)]);

    public ValueTask DeleteTeamAsync(Id<Team> teamId, CancellationToken cancellationToken)
    {
        foreach (var key in rows.Keys.Where(k => k.Team == teamId))
        {
            rows.TryRemove(key, out _);
        }

        return ValueTask.CompletedTask;
    }
}
