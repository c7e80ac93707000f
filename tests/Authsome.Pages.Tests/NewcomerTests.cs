using Authsome.Pages.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Authsome.Pages.Tests;

/// <summary>
/// The README's first run: Development on plain http. From <c>GET /</c> to a signed-in account page in Chromium, which
/// refuses <c>__Host-</c> cookies over http, so the session and anti-forgery cookies go without the prefix there.
/// </summary>
public sealed class NewcomerTests
{
    [Fact]
    public async Task OverPlainHttpInDevelopmentANewcomerSignsUpAndLandsSignedIn()
    {
        await using var host = PagesHost.Start(development: true);
        await using var browser = await Browser.LaunchAsync(host.Address);
        var page = browser.Page;

        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Authsome is running");
        await browser.CheckAsync("newcomer-01-welcome");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync("newcomer@example.com");
        await page.GetByLabel("Password").FillAsync("correct horse battery staple");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Your account");
        var cookies = await browser.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name.EndsWith("authsome_session", StringComparison.Ordinal));
        Assert.Equal("authsome_session", session.Name);
        Assert.True(session.HttpOnly && !session.Secure);

        // The cookie works: signing out, then in again, over the same plain http.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync("newcomer@example.com");
        await page.GetByLabel("Password").FillAsync("correct horse battery staple");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your account");
        Assert.Empty(browser.CspViolations);
    }
}
