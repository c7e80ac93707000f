using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Tenancy;

/// <summary>/orgs/{id}/branding: members read it, org:update changes it, unsafe values are refused by name and store nothing.</summary>
public sealed class OrganizationBrandingTests(MemoryHost fixture) : IClassFixture<MemoryHost>
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task OwnersSetTheBranding_MembersReadIt_OutsidersSeeNothing()
    {
        using var client = Host.CreateClient();
        var owner = await client.SignUpAsync();
        var member = await client.SignUpAsync();
        var outsider = await client.SignUpAsync();
        var orgId = await client.CreateOrgAsync(owner);
        await client.AddMemberAsync(Host.Mail, orgId, owner, member);
        var branding = $"/orgs/{orgId}/branding";
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(branding, owner.AccessToken)).Status);

        var refused = await client.SendAsync(HttpMethod.Put, branding, new { company_name = "Acme", font_family = "x; background: url(https://evil.example)", colors = new { primary = "red" } }, owner.AccessToken);
        Assert.Equal("validation_failed", refused.Code);
        Assert.Equal(["colors.primary", "font_family"], refused.Json!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(branding, owner.AccessToken)).Status);

        var saved = await client.SendAsync(HttpMethod.Put, branding, new { company_name = "Acme", tagline = "Rockets", colors = new { primary = "#336699" } }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var read = await client.GetAsync(branding, member.AccessToken);
        Assert.Equal("Acme", read.Str("company_name"));
        Assert.Equal("#336699", read.Json!["colors"]!["primary"]!.GetValue<string>());

        Assert.Equal("forbidden", (await client.SendAsync(HttpMethod.Put, branding, new { company_name = "Mine" }, member.AccessToken)).Code);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(branding, outsider.AccessToken)).Status);
        Assert.Equal("forbidden", (await client.DeleteAsync(branding, member.AccessToken)).Code);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(branding, owner.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(branding, owner.AccessToken)).Status);
    }
}
