using Authsome.Organizations;
using Authsome.Pages.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Authsome.Pages.Tests;

/// <summary>An organization's owner brands it on its page (bad values refused field by field); its invitations then carry that brand; outsiders cannot open the page.</summary>
public sealed class OrganizationBrandingBrowserTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task OwnerBrandsTheOrganizationAndItsInvitationsShowIt()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = PagesHost.Start(new Dictionary<string, string?> { ["Authsome:Pages:Branding:CompanyName"] = "Acme Platform" });
        var owner = await host.CreateVerifiedUserAsync("owner@example.com", Password);
        await host.CreateVerifiedUserAsync("outsider@example.com", Password);
        var (organization, _) = await host.Services.GetRequiredService<OrganizationService>().CreateAsync(owner, "Rocket Club", "rocket-club", null, cancellationToken);
        var brandingPage = $"/auth/orgs/{organization.Id}/branding";
        await using var browser = await Browser.LaunchAsync(host.Address);
        var page = browser.Page;

        await page.GotoAsync(brandingPage);
        await SignInAsync(page, owner.Email);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Organization branding");
        await browser.CheckAsync("org-branding-01");
        await page.GetByLabel("Company name").FillAsync("The Rocket Club");
        await page.GetByLabel("Primary colour (#336699)").FillAsync("red; background: url(https://evil.example/x)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the branding" }).ClickAsync();
        await Expect(page.Locator(".error-summary a[href='#color-primary']")).ToContainTextAsync("hex colour");
        await browser.CheckAsync("org-branding-02-errors");
        Assert.Null(await host.Store.Branding.GetAsync(organization.Id, cancellationToken));

        await page.GetByLabel("Primary colour (#336699)").FillAsync("#0a7d34");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the branding" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("Saved.");
        await Expect(page.GetByLabel("Company name")).ToHaveValueAsync("The Rocket Club");

        // The organization's invitation page wears its brand; the app's other pages keep the app's.
        var context = await host.Services.GetRequiredService<OrganizationAccess>().OpenAsync(owner, organization.Id.ToString(), cancellationToken);
        await host.Services.GetRequiredService<InvitationService>().CreateAsync(context, "guest@example.com", null, cancellationToken);
        await page.GotoAsync(await host.Mail.LinkAsync("guest@example.com", "invited"));
        await Expect(page.Locator("header .company")).ToHaveTextAsync("The Rocket Club");
        Assert.Equal("rgb(10, 125, 52)", await page.Locator("main button").First.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        await browser.CheckAsync("org-branding-03-invitation");
        await page.GotoAsync("/auth/sign-in");
        await Expect(page.Locator("header .company")).ToHaveTextAsync("Acme Platform");

        // Someone outside the organization gets no page.
        await page.GotoAsync("/auth/account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync(brandingPage);
        await SignInAsync(page, "outsider@example.com");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Organization branding");
        await Expect(page.GetByLabel("Company name")).ToHaveCountAsync(0);
        Assert.Empty(browser.CspViolations);
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
