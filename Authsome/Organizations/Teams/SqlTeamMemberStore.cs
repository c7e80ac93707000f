using System.Data.Common;
using Authsome.Store;
using Dapper;

namespace Authsome.Organizations.Teams;

/// <summary>Team membership in the <c>authsome_team_members</c> table of the store's PostgreSQL or SQLite database.</summary>
internal sealed class SqlTeamMemberStore(Func<CancellationToken, ValueTask<DbConnection>> open, bool unixMillisecondTimes) : ITeamMemberStore
{
    private const string Table = TenancyMigrations.TeamMembersTable;

    public async ValueTask<bool> AddAsync(Id<Team> teamId, Id<Member> memberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        object createdAt = unixMillisecondTimes ? StoreTime.Normalize(at).ToUnixTimeMilliseconds() : StoreTime.Normalize(at);
        return await ExecuteAsync(
            $"INSERT INTO {Table} (team_id, member_id, created_at) VALUES (@TeamId, @MemberId, @CreatedAt) ON CONFLICT DO NOTHING",
            new { TeamId = teamId.ToString(), MemberId = memberId.ToString(), CreatedAt = createdAt }, cancellationToken) > 0;
    }

    public async ValueTask<bool> RemoveAsync(Id<Team> teamId, Id<Member> memberId, CancellationToken cancellationToken) =>
        await ExecuteAsync($"DELETE FROM {Table} WHERE team_id = @TeamId AND member_id = @MemberId", new { TeamId = teamId.ToString(), MemberId = memberId.ToString() }, cancellationToken) > 0;

    public async ValueTask<IReadOnlyList<Id<Member>>> ListAsync(Id<Team> teamId, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await open(cancellationToken);
            var rows = await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT member_id FROM {Table} WHERE team_id = @TeamId ORDER BY created_at, member_id",
                new { TeamId = teamId.ToString() }, cancellationToken: cancellationToken));
            return [.. rows.Select(Id<Member>.Parse)];
        }
        catch (DbException ex)
        {
            throw new StoreUnavailableException("The team members could not be read.", ex);
        }
    }

    public async ValueTask DeleteTeamAsync(Id<Team> teamId, CancellationToken cancellationToken) =>
        await ExecuteAsync($"DELETE FROM {Table} WHERE team_id = @TeamId", new { TeamId = teamId.ToString() }, cancellationToken);

    private async ValueTask<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await open(cancellationToken);
            return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        }
        catch (DbException ex)
        {
            throw new StoreUnavailableException("The team members could not be written.", ex);
        }
    }
}
