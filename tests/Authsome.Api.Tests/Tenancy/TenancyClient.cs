using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Tenancy;

/// <summary>Steps the tenancy tests repeat: an organization, an invitation read from the mail, an accepted member.</summary>
internal static class TenancyClient
{
    public static async Task<string> CreateOrgAsync(this ApiClient client, SignedIn owner, string name = "Acme")
    {
        var created = await client.PostAsync("/orgs", new { name }, owner.AccessToken);
        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        return created.Str("id")!;
    }

    public static async Task<string> InviteAsync(this ApiClient client, CapturingEmailSender mail, string orgId, SignedIn inviter, string email, string role = "member")
    {
        var before = mail.Count(email, "invited");
        var invited = await client.PostAsync($"/orgs/{orgId}/invitations", new { email, role }, inviter.AccessToken);
        Assert.True(invited.Status == HttpStatusCode.Created, invited.Text);
        return CapturingEmailSender.TokenOf(await mail.WaitForAsync(email, "invited", skip: before));
    }

    /// <summary>Invites and accepts; returns the new member's id.</summary>
    public static async Task<string> AddMemberAsync(this ApiClient client, CapturingEmailSender mail, string orgId, SignedIn owner, SignedIn invitee, string role = "member")
    {
        var token = await client.InviteAsync(mail, orgId, owner, invitee.Email, role);
        var accepted = await client.PostAsync("/invitations/accept", new { token }, invitee.AccessToken);
        Assert.True(accepted.Status == HttpStatusCode.OK, accepted.Text);
        return accepted.Json!["member"]!["id"]!.GetValue<string>();
    }

    public static async Task<bool> AuthorizeAsync(this ApiClient client, SignedIn user, string resource, string action, string? orgId = null)
    {
        var answer = await client.PostAsync("/authorize", new { action, resource, org_id = orgId }, user.AccessToken);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.Text);
        return answer.Json!["allowed"]!.GetValue<bool>();
    }
}
