using System.Collections.Immutable;

namespace Authsome.Store.Testing;

/// <summary>
/// Conformance of <see cref="IAuthsomeStore.Organizations"/>, <see cref="IAuthsomeStore.Members"/>,
/// <see cref="IAuthsomeStore.Invitations"/> and <see cref="IAuthsomeStore.Teams"/>: slugs, one membership per user,
/// invitation transitions under concurrency, and the organization delete cascade.
/// </summary>
public abstract class OrganizationStoreConformanceTests : StoreConformanceTests
{
    private const string Owner = "owner";

    [Fact]
    public async Task Organization_Create_ThenGetByIdAndSlug()
    {
        var tenant = await GivenTenantAsync();
        var owner = await GivenUserAsync(tenant);
        var organization = TestData.NewOrganization(tenant.App.Id, owner.Id) with
        {
            Logo = "https://cdn.example.com/org.png",
            Metadata = ImmutableDictionary<string, string>.Empty.Add("industry", "health"),
        };

        await Store.Organizations.CreateAsync(organization, Ct);

        StoreAssert.Same(organization, await Store.Organizations.GetAsync(organization.Id, Ct));
        StoreAssert.Same(organization, await Store.Organizations.GetBySlugAsync(tenant.App.Id, organization.Slug, Ct));
        Assert.Null(await Store.Organizations.GetAsync(Id<Organization>.New(), Ct));
        Assert.Null(await Store.Organizations.GetBySlugAsync(Id<App>.New(), organization.Slug, Ct));
    }

    [Fact]
    public async Task Organization_Create_ThrowsDuplicateOrSlugTaken_AndAllowsTheSlugInAnotherApp()
    {
        var tenant = await GivenTenantAsync();
        var other = await GivenTenantAsync();
        var owner = await GivenUserAsync(tenant);
        var organization = await GivenOrganizationAsync(tenant, owner);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Organizations.CreateAsync(TestData.NewOrganization(tenant.App.Id, owner.Id) with { Id = organization.Id }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.SlugTaken, () => Store.Organizations.CreateAsync(TestData.NewOrganization(tenant.App.Id, owner.Id) with { Slug = organization.Slug }, Ct));

        var elsewhere = TestData.NewOrganization(other.App.Id, owner.Id) with { Slug = organization.Slug };
        await Store.Organizations.CreateAsync(elsewhere, Ct);
        StoreAssert.Same(elsewhere, await Store.Organizations.GetBySlugAsync(other.App.Id, organization.Slug, Ct));
    }

    [Fact]
    public async Task Organization_Update_ReplacesFields_OrThrows()
    {
        var tenant = await GivenTenantAsync();
        var owner = await GivenUserAsync(tenant);
        var taken = await GivenOrganizationAsync(tenant, owner);
        var organization = await GivenOrganizationAsync(tenant, owner);
        var changed = organization with { Name = "Renamed", Slug = TestData.Unique("renamed-"), Metadata = ImmutableDictionary<string, string>.Empty.Add("a", "b"), UpdatedAt = TestData.Now.AddDays(1) };

        await Store.Organizations.UpdateAsync(changed, Ct);

        StoreAssert.Same(changed, await Store.Organizations.GetBySlugAsync(tenant.App.Id, changed.Slug, Ct));
        Assert.Null(await Store.Organizations.GetBySlugAsync(tenant.App.Id, organization.Slug, Ct));
        await StoreAssert.NotFoundAsync(() => Store.Organizations.UpdateAsync(TestData.NewOrganization(tenant.App.Id, owner.Id), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.SlugTaken, () => Store.Organizations.UpdateAsync(changed with { Slug = taken.Slug }, Ct));
        StoreAssert.Same(changed, await Store.Organizations.GetAsync(organization.Id, Ct));
    }

    [Fact]
    public async Task Organization_Delete_RemovesMembersInvitationsTeamsAndBranding_OfThatOrganizationOnly()
    {
        var tenant = await GivenTenantAsync();
        var owner = await GivenUserAsync(tenant);
        var doomed = await GivenOrganizationAsync(tenant, owner);
        var kept = await GivenOrganizationAsync(tenant, owner);
        var doomedParts = await GivenPartsAsync(doomed, owner);
        var keptParts = await GivenPartsAsync(kept, owner);

        Assert.True(await Store.Organizations.DeleteAsync(doomed.Id, Ct));
        Assert.False(await Store.Organizations.DeleteAsync(doomed.Id, Ct));

        Assert.Null(await Store.Organizations.GetAsync(doomed.Id, Ct));
        Assert.Null(await Store.Organizations.GetBySlugAsync(tenant.App.Id, doomed.Slug, Ct));
        Assert.Empty(await Store.Members.ListAsync(doomed.Id, Ct));
        Assert.Null(await Store.Members.GetAsync(doomedParts.Member.Id, Ct));
        Assert.Empty(await Store.Invitations.ListAsync(doomed.Id, Ct));
        Assert.Null(await Store.Invitations.GetByTokenHashAsync(doomedParts.Invitation.TokenHash, Ct));
        Assert.Empty(await Store.Teams.ListAsync(doomed.Id, Ct));
        Assert.Null(await Store.Branding.GetAsync(doomed.Id, Ct));

        StoreAssert.Same(keptParts.Member, await Store.Members.GetAsync(keptParts.Member.Id, Ct));
        StoreAssert.Same(keptParts.Invitation, await Store.Invitations.GetAsync(keptParts.Invitation.Id, Ct));
        StoreAssert.Same(keptParts.Team, await Store.Teams.GetAsync(keptParts.Team.Id, Ct));
        StoreAssert.Same(keptParts.Branding, await Store.Branding.GetAsync(kept.Id, Ct));
        StoreAssert.Same(kept, Assert.Single(await Store.Organizations.ListByUserAsync(owner.Id, Ct)));
    }

    [Fact]
    public async Task Organization_Delete_RemovesItsCustomRolesAssignmentsAndSettings_AndKeepsAppWideOnes()
    {
        var tenant = await GivenTenantAsync();
        var owner = await GivenUserAsync(tenant);
        var doomed = await GivenOrganizationAsync(tenant, owner);
        var kept = await GivenOrganizationAsync(tenant, owner);
        var appWide = TestData.NewRole(tenant.App.Id);
        await Store.Roles.CreateAsync(appWide, Ct);
        var doomedRole = await GivenOrganizationRoleAsync(doomed, "billing");
        var keptRole = await GivenOrganizationRoleAsync(kept, "billing");
        var permission = TestData.NewPermission(doomedRole.Id, "read", "invoice");
        await Store.Roles.AddPermissionAsync(permission, Ct);
        await Store.RoleAssignments.CreateAsync(TestData.NewAssignment(owner.Id, doomedRole.Id, doomed.Id), Ct);
        await Store.RoleAssignments.CreateAsync(TestData.NewAssignment(owner.Id, appWide.Id, doomed.Id), Ct);
        var keptAssignment = TestData.NewAssignment(owner.Id, keptRole.Id, kept.Id);
        await Store.RoleAssignments.CreateAsync(keptAssignment, Ct);
        var appWideAssignment = TestData.NewAssignment(owner.Id, appWide.Id);
        await Store.RoleAssignments.CreateAsync(appWideAssignment, Ct);
        var key = TestData.Unique("org.theme.");
        await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.Organization, doomed.Id.ToString()), Ct);
        await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.Organization, kept.Id.ToString()), Ct);

        Assert.True(await Store.Organizations.DeleteAsync(doomed.Id, Ct));

        Assert.Null(await Store.Roles.GetAsync(doomedRole.Id, Ct));
        Assert.Empty(await Store.Roles.ListAsync(doomed.Id, Ct));
        Assert.Empty(await Store.Roles.ListPermissionsAsync(doomedRole.Id, Ct));
        Assert.Null(await Store.Settings.GetAsync(key, SettingScope.Organization, doomed.Id.ToString(), Ct));
        StoreAssert.Ids(new[] { appWideAssignment.Id, keptAssignment.Id }.InIdOrder(), (await Store.RoleAssignments.ListByUserAsync(owner.Id, Ct)).Select(a => a.Id).InIdOrder());
        StoreAssert.Same(appWide, await Store.Roles.GetAsync(appWide.Id, Ct));
        StoreAssert.Same(keptRole, await Store.Roles.GetBySlugAsync(kept.Id, "billing", Ct));
        Assert.NotNull(await Store.Settings.GetAsync(key, SettingScope.Organization, kept.Id.ToString(), Ct));
    }

    [Fact]
    public async Task Member_UpdateKeepingOwner_RefusesToDemoteTheLastOwner_AndAllowsItWithAnother()
    {
        var (tenant, first, organization) = await GivenOrganizationAsync();
        var owner = TestData.NewMember(organization.Id, first.Id, Owner);
        await Store.Members.CreateAsync(owner, Ct);

        await StoreAssert.ConflictAsync(ConflictKind.LastOwner, () => Store.Members.UpdateKeepingOwnerAsync(owner with { Role = "admin" }, Owner, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.LastOwner, async () => await Store.Members.DeleteKeepingOwnerAsync(owner.Id, Owner, Ct));
        StoreAssert.Same(owner, await Store.Members.GetAsync(owner.Id, Ct));

        // Keeping the role, or changing someone who is not an owner, is no owner change.
        await Store.Members.UpdateKeepingOwnerAsync(owner with { UpdatedAt = TestData.Now.AddHours(1) }, Owner, Ct);
        var plain = await GivenMemberAsync(organization.Id, (await GivenUserAsync(tenant)).Id);
        await Store.Members.UpdateKeepingOwnerAsync(plain with { Role = "admin" }, Owner, Ct);

        var second = TestData.NewMember(organization.Id, (await GivenUserAsync(tenant)).Id, Owner);
        await Store.Members.CreateAsync(second, Ct);
        await Store.Members.UpdateKeepingOwnerAsync(owner with { Role = "admin", UpdatedAt = TestData.Now.AddHours(2) }, Owner, Ct);
        Assert.Equal("admin", (await Store.Members.GetAsync(owner.Id, Ct))!.Role);
        await StoreAssert.ConflictAsync(ConflictKind.LastOwner, async () => await Store.Members.DeleteKeepingOwnerAsync(second.Id, Owner, Ct));
        Assert.True(await Store.Members.DeleteKeepingOwnerAsync(plain.Id, Owner, Ct));
        Assert.True(await Store.Members.DeleteKeepingOwnerAsync(owner.Id, Owner, Ct));
        Assert.False(await Store.Members.DeleteKeepingOwnerAsync(owner.Id, Owner, Ct));
        await StoreAssert.NotFoundAsync(() => Store.Members.UpdateKeepingOwnerAsync(owner, Owner, Ct));
    }

    [Fact]
    public async Task Member_TwoOwnersDemotingOrRemovingEachOtherAtOnce_LeaveAnOwner()
    {
        var tenant = await GivenTenantAsync();
        var creator = await GivenUserAsync(tenant);
        var pairs = new List<(Organization Organization, Member A, Member B)>();
        for (var i = 0; i < 6; i++)
        {
            var organization = await GivenOrganizationAsync(tenant, creator);
            var a = TestData.NewMember(organization.Id, creator.Id, Owner);
            var b = TestData.NewMember(organization.Id, (await GivenUserAsync(tenant)).Id, Owner);
            await Store.Members.CreateAsync(a, Ct);
            await Store.Members.CreateAsync(b, Ct);
            pairs.Add((organization, a, b));
        }

        // Even pairs demote each other, odd pairs remove each other; every race starts at once.
        using var start = new SemaphoreSlim(0);
        async Task<bool> RaceAsync(Func<ValueTask> change)
        {
            await start.WaitAsync(Ct);
            try
            {
                await change();
                return true;
            }
            catch (StoreConflictException ex) when (ex.Kind == ConflictKind.LastOwner)
            {
                return false;
            }
        }

        var races = pairs.Select((p, i) => i % 2 == 0
            ? new[] { Task.Run(() => RaceAsync(() => Store.Members.UpdateKeepingOwnerAsync(p.A with { Role = "admin" }, Owner, Ct)), Ct), Task.Run(() => RaceAsync(() => Store.Members.UpdateKeepingOwnerAsync(p.B with { Role = "admin" }, Owner, Ct)), Ct) }
            : new[] { Task.Run(() => RaceAsync(async () => await Store.Members.DeleteKeepingOwnerAsync(p.A.Id, Owner, Ct)), Ct), Task.Run(() => RaceAsync(async () => await Store.Members.DeleteKeepingOwnerAsync(p.B.Id, Owner, Ct)), Ct) }).ToList();
        start.Release(races.Count * 2);
        var outcomes = await Task.WhenAll(races.Select(r => Task.WhenAll(r)));

        // At most one of each pair goes through (a store without transactions may refuse both); an owner always stays.
        foreach (var (outcome, pair) in outcomes.Zip(pairs))
        {
            var succeeded = outcome.Count(s => s);
            Assert.InRange(succeeded, 0, 1);
            Assert.Equal(2 - succeeded, (await Store.Members.ListAsync(pair.Organization.Id, Ct)).Count(m => m.Role == Owner));
        }
    }

    [Fact]
    public async Task Organization_List_PagesWithoutSkippingOrRepeating_AndAnHonestTotal()
    {
        var tenant = await GivenTenantAsync();
        var owner = await GivenUserAsync(tenant);
        var created = new List<Id<Organization>>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await GivenOrganizationAsync(tenant, owner)).Id);
        }

        await GivenOrganizationAsync(await GivenTenantAsync(), owner);

        var first = await Store.Organizations.ListAsync(tenant.App.Id, new PageRequest(null, 3), Ct);
        var second = await Store.Organizations.ListAsync(tenant.App.Id, new PageRequest(first.NextCursor, 3), Ct);
        var third = await Store.Organizations.ListAsync(tenant.App.Id, new PageRequest(second.NextCursor, 3), Ct);

        Assert.Equal([3, 3, 1], new[] { first.Items.Count, second.Items.Count, third.Items.Count });
        Assert.All(new[] { first, second, third }, page => Assert.Equal(7, page.Total));
        Assert.Null(third.NextCursor);
        StoreAssert.Ids(created.InIdOrder(), first.Items.Concat(second.Items).Concat(third.Items).Select(o => o.Id));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await Store.Organizations.ListAsync(tenant.App.Id, new PageRequest(owner.Id.ToString(), 3), Ct));
    }

    [Fact]
    public async Task Organization_ListByUser_ReturnsTheOrganizationsTheUserIsAMemberOf()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync(tenant);
        var joined = new List<Id<Organization>>();
        Member? lastMembership = null;
        for (var i = 0; i < 3; i++)
        {
            var organization = await GivenOrganizationAsync(tenant, other);
            lastMembership = await GivenMemberAsync(organization.Id, user.Id);
            joined.Add(organization.Id);
        }

        await GivenOrganizationAsync(tenant, user);

        StoreAssert.Ids(joined.InIdOrder(), (await Store.Organizations.ListByUserAsync(user.Id, Ct)).Select(o => o.Id));
        await Store.Members.DeleteAsync(lastMembership!.Id, Ct);
        Assert.Equal(2, (await Store.Organizations.ListByUserAsync(user.Id, Ct)).Count);
        Assert.Empty(await Store.Organizations.ListByUserAsync(Id<User>.New(), Ct));
    }

    [Fact]
    public async Task Member_Create_ThenGetByIdAndUser()
    {
        var (tenant, owner, organization) = await GivenOrganizationAsync();
        var member = TestData.NewMember(organization.Id, owner.Id, "owner");

        await Store.Members.CreateAsync(member, Ct);

        StoreAssert.Same(member, await Store.Members.GetAsync(member.Id, Ct));
        StoreAssert.Same(member, await Store.Members.GetByUserAsync(organization.Id, owner.Id, Ct));
        Assert.Null(await Store.Members.GetAsync(Id<Member>.New(), Ct));
        Assert.Null(await Store.Members.GetByUserAsync(organization.Id, (await GivenUserAsync(tenant)).Id, Ct));
    }

    [Fact]
    public async Task Member_Create_ThrowsDuplicate_WhenTheUserIsAlreadyAMember()
    {
        var (tenant, owner, organization) = await GivenOrganizationAsync();
        var member = await GivenMemberAsync(organization.Id, owner.Id);
        var elsewhere = await GivenOrganizationAsync(tenant, owner);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Members.CreateAsync(TestData.NewMember(organization.Id, owner.Id, "admin"), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Members.CreateAsync(TestData.NewMember(elsewhere.Id, owner.Id) with { Id = member.Id }, Ct));
        await GivenMemberAsync(elsewhere.Id, owner.Id);
        Assert.Single(await Store.Members.ListAsync(organization.Id, Ct));
    }

    [Fact]
    public async Task Member_Update_ChangesTheRoleOnly()
    {
        var (tenant, owner, organization) = await GivenOrganizationAsync();
        var member = await GivenMemberAsync(organization.Id, owner.Id);

        await Store.Members.UpdateAsync(member with { Role = "admin", UserId = Id<User>.New(), CreatedAt = TestData.Now.AddYears(1), UpdatedAt = TestData.Now.AddHours(2) }, Ct);

        StoreAssert.Same(member with { Role = "admin", UpdatedAt = TestData.Now.AddHours(2) }, await Store.Members.GetAsync(member.Id, Ct));
        var stranger = await GivenUserAsync(tenant);
        await StoreAssert.NotFoundAsync(() => Store.Members.UpdateAsync(TestData.NewMember(organization.Id, stranger.Id), Ct));
    }

    [Fact]
    public async Task Member_DeleteAndList()
    {
        var (tenant, owner, organization) = await GivenOrganizationAsync();
        var members = new List<Member>();
        for (var i = 0; i < 4; i++)
        {
            members.Add(await GivenMemberAsync(organization.Id, (await GivenUserAsync(tenant)).Id));
        }

        await GivenMemberAsync((await GivenOrganizationAsync(tenant, owner)).Id, owner.Id);

        StoreAssert.Ids(members.Select(m => m.Id).InIdOrder(), (await Store.Members.ListAsync(organization.Id, Ct)).Select(m => m.Id));
        Assert.True(await Store.Members.DeleteAsync(members[0].Id, Ct));
        Assert.False(await Store.Members.DeleteAsync(members[0].Id, Ct));
        Assert.Null(await Store.Members.GetByUserAsync(organization.Id, members[0].UserId, Ct));
        Assert.Equal(3, (await Store.Members.ListAsync(organization.Id, Ct)).Count);
    }

    [Fact]
    public async Task Invitation_Create_ThenGetByIdAndTokenHash()
    {
        var (_, owner, organization) = await GivenOrganizationAsync();
        var invitation = TestData.NewInvitation(organization.Id, owner.Id) with { Email = "New.Person@Example.COM", Role = "admin" };

        await Store.Invitations.CreateAsync(invitation, Ct);

        var stored = StoreAssert.Same(invitation, await Store.Invitations.GetAsync(invitation.Id, Ct));
        Assert.Equal("new.person@example.com", stored.Email);
        Assert.Equal(InvitationStatus.Pending, stored.Status);
        StoreAssert.Same(invitation, await Store.Invitations.GetByTokenHashAsync(invitation.TokenHash, Ct));
        Assert.Null(await Store.Invitations.GetAsync(Id<Invitation>.New(), Ct));
        Assert.Null(await Store.Invitations.GetByTokenHashAsync(TestData.NewSecretHash(), Ct));
    }

    [Fact]
    public async Task Invitation_Create_ThrowsDuplicate_WhenTheIdOrTokenHashIsTaken()
    {
        var (_, owner, organization) = await GivenOrganizationAsync();
        var invitation = await GivenInvitationAsync(organization.Id, owner.Id);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Invitations.CreateAsync(TestData.NewInvitation(organization.Id, owner.Id) with { Id = invitation.Id }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Invitations.CreateAsync(TestData.NewInvitation(organization.Id, owner.Id) with { TokenHash = invitation.TokenHash }, Ct));
    }

    [Fact]
    public async Task Invitation_Transition_MovesOnlyFromTheExpectedStatus()
    {
        var (_, owner, organization) = await GivenOrganizationAsync();
        var invitation = await GivenInvitationAsync(organization.Id, owner.Id);
        var at = TestData.Now.AddHours(3);

        Assert.False(await Store.Invitations.TransitionAsync(invitation.Id, InvitationStatus.Declined, InvitationStatus.Accepted, at, Ct));
        StoreAssert.Same(invitation, await Store.Invitations.GetAsync(invitation.Id, Ct));

        Assert.True(await Store.Invitations.TransitionAsync(invitation.Id, InvitationStatus.Pending, InvitationStatus.Accepted, at, Ct));
        Assert.False(await Store.Invitations.TransitionAsync(invitation.Id, InvitationStatus.Pending, InvitationStatus.Revoked, at.AddMinutes(1), Ct));

        StoreAssert.Same(invitation with { Status = InvitationStatus.Accepted, UpdatedAt = at }, await Store.Invitations.GetByTokenHashAsync(invitation.TokenHash, Ct));
        Assert.False(await Store.Invitations.TransitionAsync(Id<Invitation>.New(), InvitationStatus.Pending, InvitationStatus.Accepted, at, Ct));
    }

    [Fact]
    public async Task Invitation_Transition_ConcurrentTransitions_ExactlyOneWins()
    {
        var (_, owner, organization) = await GivenOrganizationAsync();
        var invitation = await GivenInvitationAsync(organization.Id, owner.Id);
        InvitationStatus Target(int i) => i % 2 == 0 ? InvitationStatus.Accepted : InvitationStatus.Declined;

        var results = await StoreAssert.ConcurrentlyAsync(20, async i =>
            await Store.Invitations.TransitionAsync(invitation.Id, InvitationStatus.Pending, Target(i), TestData.Now.AddSeconds(i), Ct));

        var winner = Assert.Single(Enumerable.Range(0, results.Length), i => results[i]);
        var stored = await Store.Invitations.GetAsync(invitation.Id, Ct);
        Assert.Equal(Target(winner), stored!.Status);
        Assert.Equal(TestData.Now.AddSeconds(winner), stored.UpdatedAt);
    }

    [Fact]
    public async Task Invitation_DeleteAndList()
    {
        var (tenant, owner, organization) = await GivenOrganizationAsync();
        var invitations = new List<Id<Invitation>>();
        for (var i = 0; i < 4; i++)
        {
            invitations.Add((await GivenInvitationAsync(organization.Id, owner.Id)).Id);
        }

        await GivenInvitationAsync((await GivenOrganizationAsync(tenant, owner)).Id, owner.Id);

        StoreAssert.Ids(invitations.InIdOrder(), (await Store.Invitations.ListAsync(organization.Id, Ct)).Select(i => i.Id));
        Assert.True(await Store.Invitations.DeleteAsync(invitations[1], Ct));
        Assert.False(await Store.Invitations.DeleteAsync(invitations[1], Ct));
        Assert.Null(await Store.Invitations.GetAsync(invitations[1], Ct));
        Assert.Equal(3, (await Store.Invitations.ListAsync(organization.Id, Ct)).Count);
    }

    [Fact]
    public async Task Team_Create_Get_Update_Delete()
    {
        var (_, _, organization) = await GivenOrganizationAsync();
        var team = await GivenTeamAsync(organization.Id);
        var changed = team with { Name = "Platform", Slug = TestData.Unique("platform-"), UpdatedAt = TestData.Now.AddDays(1) };

        StoreAssert.Same(team, await Store.Teams.GetAsync(team.Id, Ct));
        await Store.Teams.UpdateAsync(changed, Ct);
        StoreAssert.Same(changed, await Store.Teams.GetAsync(team.Id, Ct));

        Assert.True(await Store.Teams.DeleteAsync(team.Id, Ct));
        Assert.False(await Store.Teams.DeleteAsync(team.Id, Ct));
        Assert.Null(await Store.Teams.GetAsync(team.Id, Ct));
        await StoreAssert.NotFoundAsync(() => Store.Teams.UpdateAsync(changed, Ct));
    }

    [Fact]
    public async Task Team_SlugIsUniqueWithinTheOrganizationOnly()
    {
        var (tenant, owner, organization) = await GivenOrganizationAsync();
        var other = await GivenOrganizationAsync(tenant, owner);
        var team = await GivenTeamAsync(organization.Id);
        var second = await GivenTeamAsync(organization.Id);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Teams.CreateAsync(TestData.NewTeam(organization.Id) with { Id = team.Id }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.SlugTaken, () => Store.Teams.CreateAsync(TestData.NewTeam(organization.Id) with { Slug = team.Slug }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.SlugTaken, () => Store.Teams.UpdateAsync(second with { Slug = team.Slug }, Ct));
        await Store.Teams.CreateAsync(TestData.NewTeam(other.Id) with { Slug = team.Slug }, Ct);

        StoreAssert.Ids(new[] { team.Id, second.Id }.InIdOrder(), (await Store.Teams.ListAsync(organization.Id, Ct)).Select(t => t.Id));
        StoreAssert.Same(second, await Store.Teams.GetAsync(second.Id, Ct));
    }

    [Fact]
    public async Task HostileStrings_RoundTripExactly()
    {
        var (tenant, owner, _) = await GivenOrganizationAsync();
        foreach (var value in HostileStrings.Short)
        {
            var organization = TestData.NewOrganization(tenant.App.Id, owner.Id) with
            {
                Name = HostileStrings.VeryLong,
                Slug = value + TestData.Unique("-"),
                Metadata = ImmutableDictionary<string, string>.Empty.Add(value, value),
            };
            await Store.Organizations.CreateAsync(organization, Ct);
            var member = TestData.NewMember(organization.Id, owner.Id, value);
            await Store.Members.CreateAsync(member, Ct);
            var team = TestData.NewTeam(organization.Id) with { Name = value, Slug = value };
            await Store.Teams.CreateAsync(team, Ct);

            StoreAssert.Same(organization, await Store.Organizations.GetBySlugAsync(tenant.App.Id, organization.Slug, Ct));
            StoreAssert.Same(member, await Store.Members.GetByUserAsync(organization.Id, owner.Id, Ct));
            StoreAssert.Same(team, await Store.Teams.GetAsync(team.Id, Ct));
        }

        Assert.Null(await Store.Organizations.GetBySlugAsync(tenant.App.Id, "%", Ct));
    }

    /// <summary>Creates a tenant, a user and an organization the user created.</summary>
    protected async Task<(TestTenant Tenant, User Owner, Organization Organization)> GivenOrganizationAsync()
    {
        var tenant = await GivenTenantAsync();
        var owner = await GivenUserAsync(tenant);
        return (tenant, owner, await GivenOrganizationAsync(tenant, owner));
    }

    /// <summary>A custom role of the organization with this slug.</summary>
    protected async Task<Role> GivenOrganizationRoleAsync(Organization organization, string slug)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var role = TestData.NewRole(organization.AppId) with { OrgId = organization.Id, Slug = slug };
        await Store.Roles.CreateAsync(role, Ct);
        return role;
    }

    protected async Task<Member> GivenMemberAsync(Id<Organization> orgId, Id<User> userId)
    {
        var member = TestData.NewMember(orgId, userId);
        await Store.Members.CreateAsync(member, Ct);
        return member;
    }

    protected async Task<Invitation> GivenInvitationAsync(Id<Organization> orgId, Id<User> inviterId)
    {
        var invitation = TestData.NewInvitation(orgId, inviterId);
        await Store.Invitations.CreateAsync(invitation, Ct);
        return invitation;
    }

    protected async Task<Team> GivenTeamAsync(Id<Organization> orgId)
    {
        var team = TestData.NewTeam(orgId);
        await Store.Teams.CreateAsync(team, Ct);
        return team;
    }

    private async Task<(Member Member, Invitation Invitation, Team Team, BrandingConfig Branding)> GivenPartsAsync(Organization organization, User owner)
    {
        var member = await GivenMemberAsync(organization.Id, owner.Id);
        var invitation = await GivenInvitationAsync(organization.Id, owner.Id);
        var team = await GivenTeamAsync(organization.Id);
        var branding = await Store.Branding.SaveAsync(TestData.NewBranding(organization.Id), Ct);
        return (member, invitation, team, branding);
    }
}
