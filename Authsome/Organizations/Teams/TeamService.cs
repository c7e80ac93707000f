using Authsome.Accounts;
using Authsome.Errors;
using Authsome.Store;

namespace Authsome.Organizations.Teams;

/// <summary>Teams of an organization and who is in them. Only the organization's members can be put in its teams.</summary>
internal sealed class TeamService(IAuthsomeStore store, ITeamMemberStore teamMembers, TenancyEventPublisher events, TimeProvider time)
{
    public async ValueTask<IReadOnlyList<(Team Team, IReadOnlyList<Id<Member>> Members)>> ListAsync(OrganizationContext context, CancellationToken cancellationToken)
    {
        // Someone who left the organization is no longer in its teams, whatever a backend without cascades kept.
        var current = (await store.Members.ListAsync(context.OrgId, cancellationToken)).Select(m => m.Id).ToHashSet();
        var result = new List<(Team, IReadOnlyList<Id<Member>>)>();
        foreach (var team in await store.Teams.ListAsync(context.OrgId, cancellationToken))
        {
            result.Add((team, [.. (await teamMembers.ListAsync(team.Id, cancellationToken)).Where(current.Contains)]));
        }

        return result;
    }

    public async ValueTask<Team> CreateAsync(OrganizationContext context, string? name, string? slug, CancellationToken cancellationToken)
    {
        var cleanName = InputRules.Name(InputRules.Required(name, "name")) ?? throw InputRules.Invalid("name", "Required.");
        var now = time.GetStoreNow();
        var team = new Team { Id = Id<Team>.New(now), OrgId = context.OrgId, Name = cleanName, Slug = Slugs.From(slug, cleanName), CreatedAt = now, UpdatedAt = now };
        try
        {
            await store.Teams.CreateAsync(team, cancellationToken);
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.SlugTaken)
        {
            throw SlugTaken();
        }

        await PublishAsync(TenancyEventTypes.TeamCreated, context, team.Id.ToString(), cancellationToken);
        return team;
    }

    public async ValueTask<Team> UpdateAsync(OrganizationContext context, string teamId, string? name, string? slug, CancellationToken cancellationToken)
    {
        var team = await GetAsync(context, teamId, cancellationToken);
        var updated = team with
        {
            Name = name is null ? team.Name : InputRules.Name(name) ?? throw InputRules.Invalid("name", "Required."),
            Slug = slug is null ? team.Slug : Slugs.From(slug, team.Name),
            UpdatedAt = time.GetStoreNow(),
        };
        try
        {
            await store.Teams.UpdateAsync(updated, cancellationToken);
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.SlugTaken)
        {
            throw SlugTaken();
        }
        catch (StoreNotFoundException)
        {
            throw NotFound();
        }

        await PublishAsync(TenancyEventTypes.TeamUpdated, context, team.Id.ToString(), cancellationToken);
        return updated;
    }

    public async ValueTask DeleteAsync(OrganizationContext context, string teamId, CancellationToken cancellationToken)
    {
        var team = await GetAsync(context, teamId, cancellationToken);
        if (await store.Teams.DeleteAsync(team.Id, cancellationToken))
        {
            await teamMembers.DeleteTeamAsync(team.Id, cancellationToken);
            await PublishAsync(TenancyEventTypes.TeamDeleted, context, team.Id.ToString(), cancellationToken);
        }
    }

    public async ValueTask AddMemberAsync(OrganizationContext context, string teamId, Member member, CancellationToken cancellationToken)
    {
        var team = await GetAsync(context, teamId, cancellationToken);
        if (await teamMembers.AddAsync(team.Id, member.Id, time.GetStoreNow(), cancellationToken))
        {
            await PublishAsync(TenancyEventTypes.TeamMemberAdded, context, member.Id.ToString(), cancellationToken);
        }
    }

    public async ValueTask RemoveMemberAsync(OrganizationContext context, string teamId, Member member, CancellationToken cancellationToken)
    {
        var team = await GetAsync(context, teamId, cancellationToken);
        if (await teamMembers.RemoveAsync(team.Id, member.Id, cancellationToken))
        {
            await PublishAsync(TenancyEventTypes.TeamMemberRemoved, context, member.Id.ToString(), cancellationToken);
        }
    }

    public async ValueTask<IReadOnlyList<Id<Member>>> MembersAsync(Team team, CancellationToken cancellationToken) =>
        await teamMembers.ListAsync(team.Id, cancellationToken);

    private async ValueTask<Team> GetAsync(OrganizationContext context, string teamId, CancellationToken cancellationToken)
    {
        var team = Id<Team>.TryParse(teamId, out var id) ? await store.Teams.GetAsync(id, cancellationToken) : null;
        return team is not null && team.OrgId == context.OrgId ? team : throw NotFound();
    }

    private ValueTask PublishAsync(string type, OrganizationContext context, string subjectId, CancellationToken cancellationToken) =>
        events.PublishAsync(type, context.Organization.AppId, context.OrgId, context.Caller.Id, subjectId, cancellationToken);

    private static AuthsomeException NotFound() => new(AuthsomeErrors.NotFound, "No such team.");

    private static AuthsomeException SlugTaken() => new(TenancyErrors.SlugTaken, "Another team of the organization has this slug.");
}
