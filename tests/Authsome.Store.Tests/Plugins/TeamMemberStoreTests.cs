using Authsome.Organizations.Teams;
using Authsome.Store.Plugins;
using Authsome.Store.Testing;
using Authsome.Store.Tests.Memory;
using Authsome.Store.Tests.Mongo;
using Authsome.Store.Tests.Postgres;
using Authsome.Store.Tests.Sqlite;

namespace Authsome.Store.Tests.Plugins;

/// <summary>
/// The tenancy plugin's team membership (<c>authsome-tenancy</c>) on every backend: its rows go in the organization
/// delete, as a foreign key to the team makes them go on the relational backends, and nothing of another organization does.
/// </summary>
public abstract class TeamMemberStoreTests : StoreConformanceTests
{
    private ITeamMemberStore? teamMembers;

    private ITeamMemberStore TeamMembers => teamMembers ?? throw new InvalidOperationException("Resolved in InitializeAsync.");

    /// <inheritdoc />
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Store.MigrateAsync([TeamMemberStores.Definition.MigrationGroup], Ct);
        teamMembers = Store.GetPluginStore(TeamMemberStores.Definition);
    }

    [Fact]
    public async Task OrganizationDelete_RemovesItsTeamMemberships_AndKeepsOtherOrganizations()
    {
        var tenant = await GivenTenantAsync();
        var owner = await GivenUserAsync(tenant);
        var (doomedTeam, _) = await GivenTeamWithMemberAsync(await GivenOrganizationAsync(tenant, owner), owner);
        var (keptTeam, keptMember) = await GivenTeamWithMemberAsync(await GivenOrganizationAsync(tenant, owner), owner);

        Assert.True(await Store.Organizations.DeleteAsync(doomedTeam.OrgId, Ct));

        Assert.Empty(await TeamMembers.ListAsync(doomedTeam.Id, Ct));
        Assert.Equal([keptMember.Id], await TeamMembers.ListAsync(keptTeam.Id, Ct));
    }

    [Fact]
    public async Task AppDelete_RemovesTheTeamMembershipsOfItsOrganizations()
    {
        var tenant = await GivenTenantAsync();
        var owner = await GivenUserAsync(tenant);
        var (team, _) = await GivenTeamWithMemberAsync(await GivenOrganizationAsync(tenant, owner), owner);

        Assert.True(await Store.Apps.DeleteAsync(tenant.App.Id, Ct));

        Assert.Empty(await TeamMembers.ListAsync(team.Id, Ct));
    }

    // A row that survived its team would still be listed: ListAsync reads the rows by team id alone.
    private async Task<(Team Team, Member Member)> GivenTeamWithMemberAsync(Organization organization, User user)
    {
        var member = TestData.NewMember(organization.Id, user.Id);
        await Store.Members.CreateAsync(member, Ct);
        var team = TestData.NewTeam(organization.Id);
        await Store.Teams.CreateAsync(team, Ct);
        Assert.True(await TeamMembers.AddAsync(team.Id, member.Id, TestData.Now, Ct));
        return (team, member);
    }
}

public sealed class MemoryTeamMemberStoreTests : TeamMemberStoreTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class SqliteTeamMemberStoreTests(SqliteDatabaseFixture database) : TeamMemberStoreTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresTeamMemberStoreTests(PostgresDatabaseFixture database) : TeamMemberStoreTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class MongoTeamMemberStoreTests : TeamMemberStoreTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoTeamMemberStoreTests), cancellationToken);
}
