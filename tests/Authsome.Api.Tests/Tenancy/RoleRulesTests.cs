using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Tenancy;

/// <summary>Custom roles: wildcards, parents, cycle refusal, and who may hand out which role.</summary>
public sealed class RoleRulesTests(MemoryHost fixture) : IClassFixture<MemoryHost>
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task WildcardsAndParentsGrantWhatTheySay()
    {
        using var client = Host.CreateClient();
        var owner = await client.SignUpAsync();
        var member = await client.SignUpAsync();
        var orgId = await client.CreateOrgAsync(owner);
        var memberId = await client.AddMemberAsync(Host.Mail, orgId, owner, member);

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/orgs/{orgId}/roles", new { name = "Docs", permissions = new[] { "doc*:read", "report:*" } }, owner.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/orgs/{orgId}/roles", new { name = "Editor", parent = "docs", permissions = new[] { "documents:write" } }, owner.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"/orgs/{orgId}/members/{memberId}", new { role = "editor" }, owner.AccessToken)).Status);

        Assert.True(await client.AuthorizeAsync(member, "documents", "read", orgId));
        Assert.True(await client.AuthorizeAsync(member, "docs", "read", orgId));
        Assert.True(await client.AuthorizeAsync(member, "documents", "write", orgId));
        Assert.True(await client.AuthorizeAsync(member, "report", "anything", orgId));
        Assert.False(await client.AuthorizeAsync(member, "documents", "delete", orgId));
        Assert.False(await client.AuthorizeAsync(member, "invoice", "read", orgId));
        Assert.False(await client.AuthorizeAsync(member, "org", "read", orgId));

        // A role in use cannot be deleted; the built-in ones cannot be changed.
        var roles = (await client.GetAsync($"/orgs/{orgId}/roles", owner.AccessToken)).Json!.AsArray();
        Assert.Equal(["owner", "admin", "member", "docs", "editor"], roles.Select(r => r!["slug"]!.GetValue<string>()));
        var editor = roles.Single(r => r!["slug"]!.GetValue<string>() == "editor")!["id"]!.GetValue<string>();
        var builtIn = roles.Single(r => r!["slug"]!.GetValue<string>() == "admin")!["id"]!.GetValue<string>();
        Assert.Equal("role_in_use", (await client.DeleteAsync($"/orgs/{orgId}/roles/{editor}", owner.AccessToken)).Code);
        Assert.Equal("role_built_in", (await client.PatchAsync($"/orgs/{orgId}/roles/{builtIn}", new { name = "Boss" }, owner.AccessToken)).Code);
    }

    [Fact]
    public async Task ParentsThatMakeACycleAreRefused()
    {
        using var client = Host.CreateClient();
        var owner = await client.SignUpAsync();
        var orgId = await client.CreateOrgAsync(owner);
        var a = (await client.PostAsync($"/orgs/{orgId}/roles", new { name = "A" }, owner.AccessToken)).Str("id");
        await client.PostAsync($"/orgs/{orgId}/roles", new { name = "B", parent = "a" }, owner.AccessToken);
        await client.PostAsync($"/orgs/{orgId}/roles", new { name = "C", parent = "b" }, owner.AccessToken);

        Assert.Equal("role_cycle", (await client.PatchAsync($"/orgs/{orgId}/roles/{a}", new { parent = "c" }, owner.AccessToken)).Code);
        Assert.Equal("role_cycle", (await client.PatchAsync($"/orgs/{orgId}/roles/{a}", new { parent = "a" }, owner.AccessToken)).Code);
        Assert.Equal("role_not_found", (await client.PatchAsync($"/orgs/{orgId}/roles/{a}", new { parent = "nope" }, owner.AccessToken)).Code);
        Assert.Equal("validation_failed", (await client.PostAsync($"/orgs/{orgId}/roles", new { name = "Bad", permissions = new[] { "no-colon" } }, owner.AccessToken)).Code);
        Assert.Equal("slug_taken", (await client.PostAsync($"/orgs/{orgId}/roles", new { name = "Owner" }, owner.AccessToken)).Code);
    }

    [Fact]
    public async Task OnlyOwnersHandOutOwnershipAndAnOrganizationsRolesStayInIt()
    {
        using var client = Host.CreateClient();
        var owner = await client.SignUpAsync();
        var admin = await client.SignUpAsync();
        var member = await client.SignUpAsync();
        var orgId = await client.CreateOrgAsync(owner);
        await client.AddMemberAsync(Host.Mail, orgId, owner, admin, "admin");
        var memberId = await client.AddMemberAsync(Host.Mail, orgId, owner, member);

        Assert.Equal("forbidden", (await client.PatchAsync($"/orgs/{orgId}/members/{memberId}", new { role = "owner" }, admin.AccessToken)).Code);
        Assert.Equal("forbidden", (await client.PostAsync($"/orgs/{orgId}/invitations", new { email = ApiClient.NewEmail(), role = "owner" }, admin.AccessToken)).Code);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"/orgs/{orgId}/members/{memberId}", new { role = "admin" }, admin.AccessToken)).Status);

        // Another organization's custom role is unknown here.
        var other = await client.CreateOrgAsync(owner, "Other");
        await client.PostAsync($"/orgs/{other}/roles", new { name = "Secret", permissions = new[] { "*:*" } }, owner.AccessToken);
        Assert.Equal("role_not_found", (await client.PatchAsync($"/orgs/{orgId}/members/{memberId}", new { role = "secret" }, owner.AccessToken)).Code);

        // A second owner makes leaving possible.
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"/orgs/{orgId}/members/{memberId}", new { role = "owner" }, owner.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/orgs/{orgId}/leave", null, owner.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/orgs/{orgId}", owner.AccessToken)).Status);
    }
}
