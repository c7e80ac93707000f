using Authsome.Api.Tests.Passkeys;
using Authsome.Pages.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Authsome.Pages.Tests;

/// <summary>
/// Passkeys on the pages in headless Chromium with its virtual authenticator (DevTools <c>WebAuthn.addVirtualAuthenticator</c>):
/// add one on the account page, rename it, sign out, sign in with it (no email, no password), delete it; and a browser
/// without WebAuthn is offered no passkey button. WebAuthn needs a secure context with a valid certificate, so this runs
/// as the README's Development host on http://localhost, the relying party.
/// </summary>
public sealed class PasskeyBrowserTests
{
    private const string Email = "ada@example.com";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task APasskeyAddedOnTheAccountPageSignsIn()
    {
        var port = PagesHost.FreePort();
        var origin = $"http://localhost:{port}";
        await using var host = PagesHost.Start(Passkeys(origin), port, development: true);
        await using var browser = await Browser.LaunchAsync(new Uri(origin));
        var page = browser.Page;
        await VirtualAuthenticator.AddAsync(page);

        await page.GotoAsync("/auth/sign-up");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your account");
        await Expect(page.Locator("section[aria-labelledby=passkeys-title]")).ToContainTextAsync("No passkeys yet.");
        await browser.CheckAsync("passkey-01-none");

        await page.GetByLabel("Name of the new passkey").FillAsync("Laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        var passkeys = page.Locator(".passkeys li");
        await Expect(passkeys).ToHaveCountAsync(1);
        await Expect(passkeys).ToContainTextAsync("Laptop");
        await page.GetByLabel("New name for Laptop").FillAsync("Work laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Expect(passkeys.Locator("strong")).ToHaveTextAsync("Work laptop");
        await browser.CheckAsync("passkey-02-added");

        // Signed out, the passkey alone signs in: no email, no password.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToHaveTextAsync("You are signed out.");
        await browser.CheckAsync("passkey-03-sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your account");
        await Expect(page.Locator(".profile")).ToContainTextAsync(Email);
        await Expect(passkeys).ToContainTextAsync("last used");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete passkey Work laptop" }).ClickAsync();
        await Expect(passkeys).ToHaveCountAsync(0);
        Assert.Empty(browser.CspViolations);
    }

    [Fact]
    public async Task WithoutWebAuthnNoPasskeyButtonIsShownAndAForgedAnswerIsRefused()
    {
        var port = PagesHost.FreePort();
        var origin = $"http://localhost:{port}";
        await using var host = PagesHost.Start(Passkeys(origin), port, development: true);
        await using var browser = await Browser.LaunchAsync(new Uri(origin));
        var page = browser.Page;
        await page.GotoAsync("/auth/sign-in");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" })).ToBeVisibleAsync();

        // The form itself, posted with an answer no authenticator gave, signs no one in.
        await page.Locator("#passkey-sign-in").EvaluateAsync("f => { f.elements.credential.value = '{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}'; f.submit(); }");
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await browser.CheckAsync("passkey-04-refused");
        Assert.DoesNotContain(await browser.Context.CookiesAsync(), c => c.Name.EndsWith("authsome_session", StringComparison.Ordinal));

        await page.AddInitScriptAsync("delete window.PublicKeyCredential;");
        await page.GotoAsync("/auth/sign-in");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#passkey-sign-in")).ToBeHiddenAsync();
        Assert.Empty(browser.CspViolations);
    }

    private static Dictionary<string, string?> Passkeys(string origin) => new()
    {
        ["Authsome:Passkeys:RelyingPartyId"] = "localhost",
        ["Authsome:Passkeys:Origins:0"] = origin,
    };
}
