using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Authsome.Api.Tests.Tenancy;

/// <summary>
/// The "done when" flow end to end on every backend, with its denials: two users sign up, one creates an
/// organization and invites the other, who accepts from the mailed token; the owner gives them a custom role and
/// <c>POST /authorize</c> answers accordingly.
/// </summary>
public abstract class TenancyFlowTests(Backend backend)
{
    [Fact]
    public async Task OwnerInvitesAMemberGivesThemACustomRoleAndAuthorizeAnswersAccordingly()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, time: time);
        using var client = host.CreateClient();
        var owner = await client.SignUpAsync();
        var invitee = await client.SignUpAsync();
        var outsider = await client.SignUpAsync();

        var created = await client.PostAsync("/orgs", new { name = "Acme Corp" }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("acme-corp", created.Str("slug"));
        Assert.Equal("owner", created.Str("role"));
        var orgId = created.Str("id")!;

        // A non-member learns nothing: 404, as for an organization that does not exist.
        Assert.Equal("not_found", (await client.GetAsync($"/orgs/{orgId}", outsider.AccessToken)).Code);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/orgs/{orgId}/invitations", new { email = outsider.Email }, outsider.AccessToken)).Status);

        var token = await client.InviteAsync(host.Mail, orgId, owner, invitee.Email);
        Assert.Equal("invitation_email_mismatch", (await client.PostAsync("/invitations/accept", new { token }, outsider.AccessToken)).Code);
        var accepted = await client.PostAsync("/invitations/accept", new { token }, invitee.AccessToken);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal("member", accepted.Json!["member"]!["role"]!.GetValue<string>());
        var memberId = accepted.Json["member"]!["id"]!.GetValue<string>();
        Assert.Equal("invitation_used", (await client.PostAsync("/invitations/accept", new { token }, invitee.AccessToken)).Code);

        // A member without the permission is refused.
        Assert.Equal("forbidden", (await client.PostAsync($"/orgs/{orgId}/invitations", new { email = outsider.Email }, invitee.AccessToken)).Code);
        Assert.Equal("forbidden", (await client.PatchAsync($"/orgs/{orgId}", new { name = "Mine" }, invitee.AccessToken)).Code);
        Assert.Equal("forbidden", (await client.DeleteAsync($"/orgs/{orgId}", invitee.AccessToken)).Code);
        Assert.False(await client.AuthorizeAsync(invitee, "invoice", "read", orgId));

        var role = await client.PostAsync($"/orgs/{orgId}/roles", new { name = "Billing", parent = "member", permissions = new[] { "invoice:read", "invoice:write" } }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.Created, role.Status);
        Assert.Equal("billing", role.Str("slug"));
        var changed = await client.PatchAsync($"/orgs/{orgId}/members/{memberId}", new { role = "billing" }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.OK, changed.Status);

        Assert.True(await client.AuthorizeAsync(invitee, "invoice", "read", orgId));
        Assert.True(await client.AuthorizeAsync(invitee, "invoice", "write", orgId));
        Assert.False(await client.AuthorizeAsync(invitee, "invoice", "delete", orgId));
        Assert.False(await client.AuthorizeAsync(outsider, "invoice", "read", orgId));
        var permissions = await client.GetAsync($"/me/permissions?org_id={orgId}", invitee.AccessToken);
        Assert.Equal(["invoice:read", "invoice:write", "member:read", "org:read", "role:read", "team:read"], permissions.Json!["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));

        // Permission checks default to the session's active organization.
        Assert.False(await client.AuthorizeAsync(invitee, "invoice", "read"));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/orgs/{orgId}/activate", null, invitee.AccessToken)).Status);
        Assert.Equal(orgId, (await client.GetAsync("/me", invitee.AccessToken)).Str("active_org_id"));
        Assert.True(await client.AuthorizeAsync(invitee, "invoice", "read"));

        // Teams: members of the organization only; reading needs team:read, changing team:manage.
        var team = await client.PostAsync($"/orgs/{orgId}/teams", new { name = "Platform Team" }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.Created, team.Status);
        var teamId = team.Str("id")!;
        Assert.Equal("forbidden", (await client.PostAsync($"/orgs/{orgId}/teams", new { name = "Rogue" }, invitee.AccessToken)).Code);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/orgs/{orgId}/teams/{teamId}/members/{memberId}", null, owner.AccessToken)).Status);
        var teams = (await client.GetAsync($"/orgs/{orgId}/teams", invitee.AccessToken)).Json!.AsArray();
        Assert.Equal([memberId], teams.Single()!["member_ids"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("platform-team", teams.Single()!["slug"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"/orgs/{orgId}/teams/{teamId}", new { name = "Core" }, owner.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/orgs/{orgId}/teams/{teamId}/members/{memberId}", owner.AccessToken)).Status);
        Assert.Empty((await client.GetAsync($"/orgs/{orgId}/teams", owner.AccessToken)).Json!.AsArray().Single()!["member_ids"]!.AsArray());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/orgs/{orgId}/teams/{teamId}", owner.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsync($"/orgs/{orgId}/teams/{teamId}", new { name = "Gone" }, owner.AccessToken)).Status);

        // The last owner can neither leave, be demoted nor be removed.
        var ownerMember = (await client.GetAsync($"/orgs/{orgId}/members", owner.AccessToken)).Json!.AsArray().Single(m => m!["user_id"]!.GetValue<string>() == owner.UserId)!["id"]!.GetValue<string>();
        Assert.Equal("last_owner", (await client.PostAsync($"/orgs/{orgId}/leave", null, owner.AccessToken)).Code);
        Assert.Equal("last_owner", (await client.PatchAsync($"/orgs/{orgId}/members/{ownerMember}", new { role = "admin" }, owner.AccessToken)).Code);
        Assert.Equal("last_owner", (await client.DeleteAsync($"/orgs/{orgId}/members/{ownerMember}", owner.AccessToken)).Code);

        // Revoked, replaced and expired invitations each say so.
        var revokedToken = await client.InviteAsync(host.Mail, orgId, owner, outsider.Email);
        var invitationId = (await client.GetAsync($"/orgs/{orgId}/invitations", owner.AccessToken)).Json!.AsArray()
            .Single(i => i!["email"]!.GetValue<string>() == outsider.Email && i["status"]!.GetValue<string>() == "pending")!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/orgs/{orgId}/invitations/{invitationId}", owner.AccessToken)).Status);
        Assert.Equal("invitation_revoked", (await client.PostAsync("/invitations/accept", new { token = revokedToken }, outsider.AccessToken)).Code);
        var replaced = await client.InviteAsync(host.Mail, orgId, owner, outsider.Email);
        var replacing = await client.InviteAsync(host.Mail, orgId, owner, outsider.Email, "admin");
        Assert.Equal("invitation_revoked", (await client.PostAsync("/invitations/accept", new { token = replaced }, outsider.AccessToken)).Code);
        time.Advance(TimeSpan.FromDays(7));
        var again = await client.SignInAsync(outsider.Email);
        Assert.Equal("invitation_expired", (await client.PostAsync("/invitations/accept", new { token = replacing }, again.AccessToken)).Code);
        Assert.Equal("invitation_invalid", (await client.PostAsync("/invitations/accept", new { token = new string('a', 43) }, again.AccessToken)).Code);

        var ownerAgain = await client.SignInAsync(owner.Email);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/orgs/{orgId}", ownerAgain.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/orgs/{orgId}", ownerAgain.AccessToken)).Status);
    }
}

public sealed class TenancyFlowTestsOnMemory() : TenancyFlowTests(Backend.Memory);

public sealed class TenancyFlowTestsOnPostgres() : TenancyFlowTests(Backend.Postgres);

public sealed class TenancyFlowTestsOnSqlite() : TenancyFlowTests(Backend.Sqlite);

public sealed class TenancyFlowTestsOnMongo() : TenancyFlowTests(Backend.Mongo);
