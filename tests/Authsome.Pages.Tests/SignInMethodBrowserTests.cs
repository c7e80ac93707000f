using Authsome.Api.Tests.Social;
using Authsome.Pages.Tests.Infrastructure;
using Authsome.Plugins.Mfa;
using Authsome.Plugins.Mfa.Totp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Authsome.Pages.Tests;

/// <summary>The sign-in page's other methods in headless Chromium: a mailed magic link, and a social provider (a real OpenID Connect server).</summary>
public sealed class SignInMethodBrowserTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task MagicLinkSignsInFromTheMailedLink()
    {
        await using var host = PagesHost.Start();
        var user = await host.CreateVerifiedUserAsync("ada@example.com", Password);
        await using var browser = await Browser.LaunchAsync(host.Address);
        var page = browser.Page;

        await page.GotoAsync("/auth/sign-in");
        // No social provider is configured, so no button offers one.
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Continue with") })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Email me a sign-in link" }).ClickAsync();
        await browser.CheckAsync("magic-link-01-request");
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToHaveTextAsync("If this address can sign in, a sign-in link is on its way.");

        // Opening the link spends nothing; the button does, once.
        var link = await host.Mail.LinkAsync(user.Email, "sign-in link");
        await page.GotoAsync(link);
        await browser.CheckAsync("magic-link-02-open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your account");
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("invalid, used or expired");
        await browser.CheckAsync("magic-link-03-used");
        Assert.Empty(browser.CspViolations);
    }

    [Fact]
    public async Task AMagicLinkOfAnAccountWithTotpAsksForTheCodeFirst()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = PagesHost.Start();
        var user = await host.CreateVerifiedUserAsync("ada@example.com", Password);
        var mfa = host.Services.GetRequiredService<MfaService>();
        var enrollment = await mfa.EnrollAsync(user, Password, cancellationToken);
        await mfa.ConfirmAsync(user, TotpAuthenticator.Compute(enrollment.Secret, DateTimeOffset.UtcNow), cancellationToken);
        await using var browser = await Browser.LaunchAsync(host.Address);
        var page = browser.Page;

        await page.GotoAsync("/auth/magic-link");
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }).ClickAsync();
        await page.GotoAsync(await host.Mail.LinkAsync(user.Email, "sign-in link"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The link proves the mailbox, not the second factor: no session until the code.
        await Expect(page.Locator("h1")).ToHaveTextAsync("Two-step verification");
        Assert.DoesNotContain(await browser.Context.CookiesAsync(), c => c.Name.EndsWith("authsome_session", StringComparison.Ordinal));
        await browser.CheckAsync("magic-link-04-mfa-challenge");
        // The enrollment spent this time step's code; the next step's is within the allowed drift.
        await page.GetByLabel("Authentication code").FillAsync(TotpAuthenticator.Compute(enrollment.Secret, DateTimeOffset.UtcNow.AddSeconds(TotpAuthenticator.StepSeconds)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your account");
        Assert.Contains(await browser.Context.CookiesAsync(), c => c.Name == "__Host-authsome_session");
        Assert.Empty(browser.CspViolations);
    }

    [Fact]
    public async Task SocialProviderButtonSignsInAndReturns()
    {
        var social = await PagesHost.StartWithSocialProviderAsync();
        await using var provider = social.Provider;
        await using var host = social.Host;
        provider.User = new ProviderUser("sub-linus", "linus@example.com", true, "Linus");
        await using var browser = await Browser.LaunchAsync(host.Address);
        var page = browser.Page;

        await page.GotoAsync("/auth/sign-in?return_url=" + Uri.EscapeDataString("/auth/account?from=social"));
        await browser.CheckAsync("social-01-sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue with Example ID" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(host.Address, "/auth/account?from=social").ToString());
        await Expect(page.Locator(".profile")).ToContainTextAsync("linus@example.com");
        Assert.Contains(await browser.Context.CookiesAsync(), c => c.Name == "__Host-authsome_session");

        // A one-time code planted in a browser that did not start the flow signs no one in.
        using var client = host.CreateClient();
        var planted = await client.GetAsync(new Uri("/auth/social/complete?code=planted", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, planted.StatusCode);
        Assert.False(planted.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(v => v.Contains("authsome_session", StringComparison.Ordinal)));
        Assert.Empty(browser.CspViolations);
    }
}
