using System.Net;
using Authsome.Api.Tests.Social;
using Authsome.Pages.Tests.Infrastructure;
using Authsome.Plugins.Password;
using Authsome.Plugins.Social;
using Authsome.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Authsome.Pages.Tests;

/// <summary>
/// The account page's sections in headless Chromium: devices (trust, stop trusting, forget with its sessions), API keys
/// (a bad scope, then a key whose secret is shown once and works, then revoked), and linked social accounts (unlinked
/// where a password remains; not offered where it is the only way in).
/// </summary>
public sealed class AccountBrowserTests
{
    private const string Password = "correct horse battery staple";
    private const string PhoneAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

    [Fact]
    public async Task DevicesAreTrustedDistrustedAndForgotten()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = PagesHost.Start();
        var user = await host.CreateVerifiedUserAsync("ada@example.com", Password);
        // The same account is signed in on a phone too.
        var phone = await host.Services.GetRequiredService<IPasswordAuthentication>()
            .SignInAsync(PasswordSignIn.WithEmail(user.Email, Password), new ClientInfo("203.0.113.9", PhoneAgent), cancellationToken);
        Assert.True(phone.Succeeded);
        await using var browser = await Browser.LaunchAsync(host.Address);
        var page = browser.Page;

        await SignInAsync(page, user.Email);
        var devices = page.Locator(".devices li");
        await Expect(devices).ToHaveCountAsync(2);
        await Expect(page.Locator(".devices")).ToContainTextAsync("(this browser)");
        await Expect(page.Locator(".devices")).ToContainTextAsync("203.0.113.9");
        await browser.CheckAsync("account-01-sections");

        var phoneDevice = Assert.Single(await host.Store.Devices.ListByUserAsync(user.Id, cancellationToken), d => d.IpAddress == "203.0.113.9");
        var phoneName = phoneDevice.Name!;
        await page.GetByRole(AriaRole.Button, new() { Name = "Trust " + phoneName, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop trusting " + phoneName })).ToBeVisibleAsync();
        Assert.True((await host.Store.Devices.GetAsync(phoneDevice.Id, cancellationToken))!.Trusted);
        await browser.CheckAsync("account-02-device-trusted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop trusting " + phoneName }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Trust " + phoneName, Exact = true })).ToBeVisibleAsync();
        Assert.False((await host.Store.Devices.GetAsync(phoneDevice.Id, cancellationToken))!.Trusted);

        // Forgetting the phone ends the phone's session; this browser's stays.
        await page.GetByRole(AriaRole.Button, new() { Name = "Forget " + phoneName + " and end its sessions" }).ClickAsync();
        await Expect(devices).ToHaveCountAsync(1);
        Assert.Null(await host.Store.Devices.GetAsync(phoneDevice.Id, cancellationToken));
        Assert.Null(await host.Services.GetRequiredService<SessionService>().AuthenticateAsync(phone.Value.Session.AccessToken, ClientInfo.None, cancellationToken));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your account");

        // Only the owner's devices can be changed: another id answers not found.
        await page.GotoAsync("/auth/account");
        await page.Locator(".devices form").First.EvaluateAsync("f => { f.action = f.action.replace(/adev_[^/]+/, 'adev_nothing'); f.submit(); }");
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("No such device.");
        Assert.Empty(browser.CspViolations);
    }

    [Fact]
    public async Task AnApiKeyIsShownOnceWorksAndIsRevoked()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = PagesHost.Start();
        var user = await host.CreateVerifiedUserAsync("ada@example.com", Password);
        await using var browser = await Browser.LaunchAsync(host.Address);
        var page = browser.Page;
        await SignInAsync(page, user.Email);

        await page.GetByLabel("Name of the new key").FillAsync("deploy script");
        await page.GetByLabel("Scopes, separated by spaces").FillAsync("Not A Scope!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create an API key" }).ClickAsync();
        await Expect(page.Locator(".error-summary a[href='#scopes']")).ToContainTextAsync("Scopes");
        await Expect(page.GetByLabel("Scopes, separated by spaces")).ToHaveAttributeAsync("aria-invalid", "true");
        await browser.CheckAsync("account-03-api-key-error");
        Assert.Empty(await host.Store.ApiKeys.ListByUserAsync(user.Id, cancellationToken));

        await page.GetByLabel("Name of the new key").FillAsync("deploy script");
        await page.GetByLabel("Scopes, separated by spaces").FillAsync("users:read");
        await page.GetByLabel("Expires after this many days").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create an API key" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your new API key");
        var secret = await page.GetByLabel("Your API key").InputValueAsync();
        Assert.StartsWith("sk_live_", secret, StringComparison.Ordinal);
        await browser.CheckAsync("account-04-api-key-created");

        using var api = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await MeAsync(api, secret));

        // The list shows the key's visible prefix, never the secret; revoked, the key stops working at once.
        await page.GetByRole(AriaRole.Link, new() { Name = "I have copied it, back to your account" }).ClickAsync();
        var listed = page.Locator(".api-keys li");
        await Expect(listed).ToContainTextAsync("deploy script");
        await Expect(listed).ToContainTextAsync("users:read");
        await Expect(listed).ToContainTextAsync("expires");
        var expiry = Assert.Single(await host.Store.ApiKeys.ListByUserAsync(user.Id, cancellationToken)).ExpiresAt;
        Assert.InRange(expiry!.Value, DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(30));
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke API key deploy script" }).ClickAsync();
        await Expect(listed).ToContainTextAsync("(revoked)");
        await browser.CheckAsync("account-05-api-key-revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(api, secret));
        Assert.Empty(browser.CspViolations);
    }

    [Fact]
    public async Task ALinkedAccountIsUnlinkedOnlyWhereAnotherWayToSignInRemains()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var social = await PagesHost.StartWithSocialProviderAsync();
        await using var provider = social.Provider;
        await using var host = social.Host;
        var withPassword = await host.CreateVerifiedUserAsync("linus@example.com", Password);
        await using var browser = await Browser.LaunchAsync(host.Address);
        var page = browser.Page;
        var linked = page.Locator(".linked-accounts li");

        // The provider vouches for the address of a password account: signing in links it.
        provider.User = new ProviderUser("sub-linus", withPassword.Email, true, "Linus");
        await page.GotoAsync("/auth/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue with Example ID" }).ClickAsync();
        await Expect(linked).ToContainTextAsync("Example ID, linus@example.com");
        await browser.CheckAsync("account-06-linked-account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unlink Example ID (linus@example.com)" }).ClickAsync();
        await Expect(page.Locator("section[aria-labelledby=linked-title]")).ToContainTextAsync("No linked accounts.");
        var linkedAccounts = host.Services.GetRequiredService<ISocialAccountStore>();
        Assert.Empty(await linkedAccounts.ListByUserAsync(withPassword.Id, cancellationToken));

        // An account made by the provider has no other way in: no unlink is offered.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        provider.User = new ProviderUser("sub-grace", "grace@example.com", true, "Grace");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue with Example ID" }).ClickAsync();
        await Expect(linked).ToContainTextAsync("Your only way to sign in");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Unlink") })).ToHaveCountAsync(0);
        await browser.CheckAsync("account-07-only-linked-account");
        Assert.Empty(browser.CspViolations);
    }

    private static async Task<HttpStatusCode> MeAsync(HttpClient api, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/auth/me");
        request.Headers.Add("X-API-Key", key);
        using var response = await api.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/auth/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your account");
    }
}
