using Authsome.Organizations;
using Authsome.Pages.Tests.Infrastructure;
using Authsome.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Authsome.Pages.Tests;

/// <summary>
/// An invitee opens the mailed invitation link signed out, sees whom it is from, signs in (and comes back), accepts,
/// and is a member; the link then no longer works, and a token that names nothing says so.
/// </summary>
public sealed class InvitationBrowserTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task InviteeSignsInAndAcceptsTheInvitation()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = PagesHost.Start();
        var owner = await host.CreateVerifiedUserAsync("owner@example.com", Password);
        var invitee = await host.CreateVerifiedUserAsync("lin@example.com", Password);
        var (organization, link) = await InviteAsync(host, owner, invitee.Email, "admin");
        Assert.StartsWith(new Uri(host.Address, "/auth/invitations/accept?token=").ToString(), link, StringComparison.Ordinal);

        await using var browser = await Browser.LaunchAsync(host.Address);
        var page = browser.Page;
        await page.GotoAsync(link);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Join an organization");
        await Expect(page.Locator("main")).ToContainTextAsync("You are invited to join Acme Rockets as admin.");
        await browser.CheckAsync("invitation-01-signed-out");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in to accept" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(invitee.Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(link);
        await Expect(page.Locator("main")).ToContainTextAsync("You are signed in as lin@example.com.");
        await browser.CheckAsync("invitation-02-signed-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToHaveTextAsync("You are now a member of Acme Rockets.");
        await browser.CheckAsync("invitation-03-accepted");
        var member = await host.Store.Members.GetByUserAsync(organization.Id, invitee.Id, cancellationToken);
        Assert.Equal("admin", member?.Role);

        // Single use: the link now explains itself, and offers the token box.
        await page.GotoAsync(link);
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("already accepted or declined");
        await browser.CheckAsync("invitation-04-used");
        await page.GetByLabel("Invitation token").FillAsync("not-a-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("No invitation has this token.");

        Assert.Empty(browser.CspViolations);
    }

    [Fact]
    public async Task AnotherAccountCannotAcceptTheInvitation()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = PagesHost.Start();
        var owner = await host.CreateVerifiedUserAsync("owner@example.com", Password);
        var (organization, link) = await InviteAsync(host, owner, "lin@example.com", null);

        await using var browser = await Browser.LaunchAsync(host.Address);
        var page = browser.Page;
        await SignInAndComeBackAsync(page, link, owner.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("sent to another email address");
        await browser.CheckAsync("invitation-05-not-for-you");
        Assert.Single(await host.Store.Members.ListAsync(organization.Id, cancellationToken));
    }

    [Fact]
    public async Task InviteeDeclinesTheInvitation()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = PagesHost.Start();
        var owner = await host.CreateVerifiedUserAsync("owner@example.com", Password);
        var invitee = await host.CreateVerifiedUserAsync("lin@example.com", Password);
        var (organization, link) = await InviteAsync(host, owner, invitee.Email, null);

        await using var browser = await Browser.LaunchAsync(host.Address);
        var page = browser.Page;
        await SignInAndComeBackAsync(page, link, invitee.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToHaveTextAsync("You declined the invitation.");
        await browser.CheckAsync("invitation-06-declined");
        Assert.Null(await host.Store.Members.GetByUserAsync(organization.Id, invitee.Id, cancellationToken));

        // Declined is final: the link explains itself, and accepting it now does nothing.
        await page.GotoAsync(link);
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("already accepted or declined");
        Assert.Null(await host.Store.Members.GetByUserAsync(organization.Id, invitee.Id, cancellationToken));
        Assert.Empty(browser.CspViolations);
    }

    // An organization of the owner's, and the link mailed to the invitee.
    private static async Task<(Organization Organization, string Link)> InviteAsync(PagesHost host, User owner, string email, string? role)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (organization, _) = await host.Services.GetRequiredService<OrganizationService>().CreateAsync(owner, "Acme Rockets", "acme-rockets", null, cancellationToken);
        var context = await host.Services.GetRequiredService<OrganizationAccess>().OpenAsync(owner, organization.Id.ToString(), cancellationToken);
        await host.Services.GetRequiredService<InvitationService>().CreateAsync(context, email, role, cancellationToken);
        return (organization, await host.Mail.LinkAsync(email, "invited"));
    }

    private static async Task SignInAndComeBackAsync(IPage page, string link, string email)
    {
        await page.GotoAsync("/auth/sign-in?return_url=" + Uri.EscapeDataString(new Uri(link).PathAndQuery));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
