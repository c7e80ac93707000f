using Authsome.Store.Plugins;

namespace Authsome.Organizations.Teams;

/// <summary>Team membership as a sub-store of the store's own database: the <c>authsome_team_members</c> table (collection on MongoDB) of the <c>authsome-tenancy</c> group.</summary>
internal static class TeamMemberStores
{
    public static PluginStoreDefinition<ITeamMemberStore> Definition { get; } = new("tenancy", TenancyMigrations.Group)
    {
        Relational = context => new RelationalTeamMemberStore(context),
        Mongo = context =>
        {
            // What the foreign key to authsome_teams does on the relational backends: rows go in the organization delete's transaction.
            context.DeleteWithTeams(TenancyMigrations.TeamMembersTable, MongoTeamMemberStore.TeamId);
            return new MongoTeamMemberStore(context);
        },
        Memory = context => new MemoryTeamMemberStore(context),
    };
}
