using System.Net;
using Authsome.Api.Tests.Embedding;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Rbac.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Api.Tests.Tenancy;

/// <summary>An application protects its own endpoints by permission, in the session's active organization.</summary>
public sealed class PermissionPolicyTests : IAsyncLifetime
{
    private readonly CapturingEmailSender mail = new();
    private WebApplication? app;

    private WebApplication App => app!;

    public async ValueTask InitializeAsync() => app = await EmbeddingHost.StartAsync(
        a => a.UseMemory().AddPassword(),
        web =>
        {
            web.MapGet("/invoices", () => Results.Ok(new { invoices = 3 })).RequireAuthorization(p => p.RequirePermission("invoice", "read"));
            web.MapGet("/reports", [RequirePermission("report", "read")] () => Results.Ok(new { reports = 1 }));
        },
        mail: mail);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task PolicyAndAttributeAllowOnlyHoldersOfThePermissionInTheActiveOrganization()
    {
        using var client = App.Client();
        var owner = await client.SignUpAsync();
        var member = await client.SignUpAsync();
        var orgId = await client.CreateOrgAsync(owner);
        await client.AddMemberAsync(mail, orgId, owner, member);

        // No active organization yet: only app-wide roles count, and there are none.
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(client, "/invoices", owner)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, "/invoices", null)).Status);

        foreach (var user in new[] { owner, member })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/orgs/{orgId}/activate", null, user.AccessToken)).Status);
        }

        // The owner holds every permission in the organization; a plain member holds none of these.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/invoices", owner)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/reports", owner)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(client, "/invoices", member)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(client, "/reports", member)).Status);

        var role = await client.PostAsync($"/orgs/{orgId}/roles", new { name = "Reader", permissions = new[] { "invoice:read", "report:*" } }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.Created, role.Status);
        var memberId = (await client.GetAsync($"/orgs/{orgId}/members", owner.AccessToken)).Json!.AsArray()
            .Single(m => m!["user_id"]!.GetValue<string>() == member.UserId)!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/orgs/{orgId}/members/{memberId}/roles", new { role = "reader" }, owner.AccessToken)).Status);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/invoices", member)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/reports", member)).Status);

        // Leaving the organization takes its roles away, active or not.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/orgs/{orgId}/leave", null, member.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(client, "/invoices", member)).Status);
    }

    private static Task<Answer> GetAsync(ApiClient client, string path, SignedIn? user)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        return client.SendAsync(request, user?.AccessToken);
    }
}
