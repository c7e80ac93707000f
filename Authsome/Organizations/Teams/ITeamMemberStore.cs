using Authsome.Store;

namespace Authsome.Organizations.Teams;

/// <summary>Which organization members are in which team (the <c>authsome_team_members</c> table or collection).</summary>
internal interface ITeamMemberStore
{
    /// <summary>Puts a member in a team; false when they already are.</summary>
    ValueTask<bool> AddAsync(Id<Team> teamId, Id<Member> memberId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Takes a member out of a team; false when they were not in it.</summary>
    ValueTask<bool> RemoveAsync(Id<Team> teamId, Id<Member> memberId, CancellationToken cancellationToken);

    /// <summary>A team's members, in the order they joined.</summary>
    ValueTask<IReadOnlyList<Id<Member>>> ListAsync(Id<Team> teamId, CancellationToken cancellationToken);

    /// <summary>Forgets a deleted team's memberships.</summary>
    ValueTask DeleteTeamAsync(Id<Team> teamId, CancellationToken cancellationToken);
}
