using Authsome.Apps;
using Authsome.Pages.Tests.Infrastructure;
using Authsome.Plugins.Mfa.Totp;
using Authsome.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Authsome.Pages.Tests;

/// <summary>
/// Two-step verification in headless Chromium: enroll TOTP on the account page (QR code and key, a wrong then a right
/// first code, recovery codes shown once), then sign in with a code, and with a recovery code, which is spent; and
/// where the app requires MFA, enrollment during sign-in, new recovery codes and turning it off.
/// </summary>
public sealed class MfaBrowserTests
{
    private const string Email = "grace@example.com";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task EnrollTotpThenSignInWithACodeAndWithARecoveryCode()
    {
        await using var host = PagesHost.Start();
        await host.CreateVerifiedUserAsync(Email, Password);
        await using var browser = await Browser.LaunchAsync(host.Address);
        var page = browser.Page;

        await page.GotoAsync("/auth/sign-in");
        await SignInAsync(page);
        await Expect(page.Locator("#mfa-title + p")).ToHaveTextAsync("Off.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Turn on two-step verification" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Two-step verification");
        await browser.CheckAsync("mfa-01-off");

        // The password is asked again before a new factor is shown.
        await page.GetByLabel("Your password").FillAsync("not my password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await page.GetByLabel("Your password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Set up two-step verification");
        await Expect(page.Locator("img.qr")).ToBeVisibleAsync();
        Assert.True(await page.Locator("img.qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The QR code image did not load.");
        var secret = (await page.Locator(".secret").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        Assert.Matches("^[A-Z2-7]{32}$", secret);
        await browser.CheckAsync("mfa-02-setup");

        // A wrong first code keeps MFA off and asks again.
        await page.GetByLabel("Authentication code").FillAsync(WrongCode(secret));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step verification" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator("img.qr")).ToHaveCountAsync(0);
        await browser.CheckAsync("mfa-03-setup-wrong-code");
        await page.GetByLabel("Authentication code").FillAsync(TotpAuthenticator.Compute(secret, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step verification" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your recovery codes");
        var codes = await page.Locator(".recovery-codes code").AllInnerTextsAsync();
        Assert.Equal(10, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[a-z2-9]{5}-[a-z2-9]{5}$", c));
        await browser.CheckAsync("mfa-04-recovery-codes");
        await page.GetByRole(AriaRole.Link, new() { Name = "I have saved them, continue" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("10 recovery codes are left");
        await browser.CheckAsync("mfa-05-on");

        // Sign in again: the password alone holds the session back; the challenge's ticket stays out of the URL.
        await SignOutAsync(page);
        await page.GotoAsync("/auth/sign-in?return_url=" + Uri.EscapeDataString("/auth/account"));
        await SignInAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Two-step verification");
        Assert.EndsWith("/auth/sign-in", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(await browser.Context.CookiesAsync(), c => c.Name.EndsWith("authsome_session", StringComparison.Ordinal));
        await browser.CheckAsync("mfa-06-challenge");
        await page.GetByLabel("Authentication code").FillAsync(WrongCode(secret));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await browser.CheckAsync("mfa-07-challenge-wrong-code");
        // The enrollment spent this time step's code; the next step's is within the allowed drift.
        await page.GetByLabel("Authentication code").FillAsync(TotpAuthenticator.Compute(secret, DateTimeOffset.UtcNow.AddSeconds(TotpAuthenticator.StepSeconds)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(host.Address, "/auth/account").ToString());
        Assert.Contains(await browser.Context.CookiesAsync(), c => c.Name == "__Host-authsome_session");

        // And with a recovery code, which then no longer counts.
        await SignOutAsync(page);
        await page.GotoAsync("/auth/sign-in");
        await SignInAsync(page);
        await page.GetByText("Use a recovery code instead").ClickAsync();
        await page.GetByLabel("Recovery code").FillAsync(codes[3].ToUpperInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify the recovery code" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your account");
        await Expect(page.Locator("#mfa-title + p")).ToHaveTextAsync("On, with 9 recovery codes left.");

        await SignOutAsync(page);
        await page.GotoAsync("/auth/sign-in");
        await SignInAsync(page);
        await page.GetByText("Use a recovery code instead").ClickAsync();
        await page.GetByLabel("Recovery code").FillAsync(codes[3]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify the recovery code" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator("details.alternative")).ToHaveAttributeAsync("open", "");
        await browser.CheckAsync("mfa-08-recovery-code-spent");

        Assert.Empty(browser.CspViolations);
    }

    [Fact]
    public async Task AnAppThatRequiresMfaEnrollsAtSignInThenCodesReplaceAndTurnItOff()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = PagesHost.Start();
        var app = await host.Store.Apps.GetPlatformAsync(cancellationToken) ?? throw new InvalidOperationException("No platform app.");
        var now = DateTimeOffset.UtcNow;
        await host.Store.AppClientConfigs.SetAsync(new AppClientConfig
        {
            Id = Id<AppClientConfig>.New(now),
            AppId = app.Id,
            MfaRequired = true,
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken);
        // Written to the store directly, past the admin API that would drop the cached config: drop it here.
        host.Services.GetRequiredService<AppConfigCache>().Invalidate(app.Id);
        await host.CreateVerifiedUserAsync(Email, Password);
        await using var browser = await Browser.LaunchAsync(host.Address);
        var page = browser.Page;

        // The password holds, but the session waits for an authenticator: the QR code comes first.
        await page.GotoAsync("/auth/sign-in?return_url=" + Uri.EscapeDataString("/auth/account/mfa"));
        await SignInAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Set up two-step verification");
        Assert.DoesNotContain(await browser.Context.CookiesAsync(), c => c.Name.EndsWith("authsome_session", StringComparison.Ordinal));
        await browser.CheckAsync("mfa-09-required-setup");
        var secret = (await page.Locator(".secret").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Authentication code").FillAsync(TotpAuthenticator.Compute(secret, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step verification" }).ClickAsync();
        var codes = await page.Locator(".recovery-codes code").AllInnerTextsAsync();
        Assert.Equal(10, codes.Count);
        Assert.Contains(await browser.Context.CookiesAsync(), c => c.Name == "__Host-authsome_session");
        await page.GetByRole(AriaRole.Link, new() { Name = "I have saved them, continue" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(host.Address, "/auth/account/mfa").ToString());

        // New recovery codes need a current code; the old ones stop working.
        await page.GetByLabel("Authentication code or recovery code", new() { Exact = true })
            .FillAsync(TotpAuthenticator.Compute(secret, DateTimeOffset.UtcNow.AddSeconds(TotpAuthenticator.StepSeconds)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Get new recovery codes" }).ClickAsync();
        var fresh = await page.Locator(".recovery-codes code").AllInnerTextsAsync();
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(codes));
        await page.GetByRole(AriaRole.Link, new() { Name = "I have saved them, continue" }).ClickAsync();

        // Turning it off takes a recovery code too, but not a spent one.
        await page.GetByLabel("Authentication code or recovery code to turn off").FillAsync(codes[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn off two-step verification" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await browser.CheckAsync("mfa-10-manage-error");
        await page.GetByLabel("Authentication code or recovery code to turn off").FillAsync(fresh[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn off two-step verification" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" })).ToBeVisibleAsync();
        Assert.Empty(browser.CspViolations);
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/auth/account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToHaveTextAsync("You are signed out.");
    }

    // Six digits that are none of the codes the drift window accepts now.
    private static string WrongCode(string secret)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-2, 5).Select(s => TotpAuthenticator.Compute(secret, now.AddSeconds(s * TotpAuthenticator.StepSeconds))).ToHashSet();
        return Enumerable.Range(0, 20).Select(i => (123456 + i * 7919).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }
}
