using Authsome.Store;
using Authsome.Store.Relational;

namespace Authsome.Organizations.Teams;

/// <summary>Team membership in the <c>authsome_team_members</c> table of the store's PostgreSQL or SQLite database; rows go with their team and member (foreign keys, on delete cascade).</summary>
internal sealed class RelationalTeamMemberStore(RelationalPluginContext db) : ITeamMemberStore
{
    private const string Entity = "team member";
    private const string Table = TenancyMigrations.TeamMembersTable;

    public async ValueTask<bool> AddAsync(Id<Team> teamId, Id<Member> memberId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync(
            $"INSERT INTO {Table} (team_id, member_id, created_at) VALUES (@teamId, @memberId, @createdAt) ON CONFLICT DO NOTHING",
            new { teamId = teamId.ToString(), memberId = memberId.ToString(), createdAt = db.Time(at) }, cancellationToken), cancellationToken) > 0;

    public async ValueTask<bool> RemoveAsync(Id<Team> teamId, Id<Member> memberId, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync(
            $"DELETE FROM {Table} WHERE team_id = @teamId AND member_id = @memberId",
            new { teamId = teamId.ToString(), memberId = memberId.ToString() }, cancellationToken), cancellationToken) > 0;

    public async ValueTask<IReadOnlyList<Id<Member>>> ListAsync(Id<Team> teamId, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryAsync(
            $"SELECT member_id FROM {Table} WHERE team_id = @teamId ORDER BY created_at, member_id",
            new { teamId = teamId.ToString() }, r => Id<Member>.Parse(r.Text("member_id")), cancellationToken), cancellationToken);

    public async ValueTask DeleteTeamAsync(Id<Team> teamId, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync($"DELETE FROM {Table} WHERE team_id = @teamId", new { teamId = teamId.ToString() }, cancellationToken), cancellationToken);
}
