using Authsome.Pages.Tests.Infrastructure;
using Authsome.Store;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Authsome.Pages.Tests;

/// <summary>
/// A user's whole path through the hosted pages in headless Chromium: sign up with the app's custom field, verify
/// by the mailed link, sign in, sign out, reset a forgotten password, sign in again. Each page is screenshotted and
/// checked by axe-core, and the browser must report no Content-Security-Policy violation.
/// </summary>
public sealed class BrowserFlowTests
{
    private const string Email = "ada@example.com";
    private const string Password = "correct horse battery staple";
    private const string NewPassword = "another long passphrase 42";

    [Fact]
    public async Task SignUpVerifySignInSignOutAndResetWorkInTheBrowser()
    {
        await using var host = PagesHost.Start(new Dictionary<string, string?>
        {
            ["Authsome:Pages:Branding:CompanyName"] = "Acme Rockets",
            ["Authsome:Pages:Branding:Tagline"] = "Sign in to launch",
            ["Authsome:Pages:Branding:Colors:primary"] = "#7a1fa2",
            ["Authsome:Pages:Branding:CustomCss"] = ".brand .company { letter-spacing: 0.05em; }",
        });
        await SeedCompanyFieldAsync(host.Store);
        await using var browser = await Browser.LaunchAsync(host.Address);
        var page = browser.Page;

        // Sign up: the custom field is on the form, validated on the server, and its errors are linked to it.
        await page.GotoAsync("/auth/sign-up");
        await Expect(page.Locator("header .company")).ToHaveTextAsync("Acme Rockets");
        await Expect(page.Locator("header .tagline")).ToHaveTextAsync("Sign in to launch");
        Assert.Equal("rgb(122, 31, 162)", await page.Locator("button[type=submit]").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        await browser.CheckAsync("01-sign-up");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Company").FillAsync("Acme 42!");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("There is a problem");
        var link = page.Locator(".error-summary a[href='#fields-company']");
        await Expect(link).ToContainTextAsync("Company");
        await Expect(page.GetByLabel("Company")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync(Email);
        await browser.CheckAsync("02-sign-up-errors");

        await page.GetByLabel("Company").FillAsync("Acme Rockets");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");
        await browser.CheckAsync("03-check-email");

        // Verify by the mailed link: opening it spends nothing; the button does.
        await page.GotoAsync(await host.Mail.LinkAsync(Email, "verify"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Verify your email");
        await browser.CheckAsync("04-verify-email");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify my email" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Email verified");
        await browser.CheckAsync("05-email-verified");

        // Sign in: the session cookie, then the (local, allowed) return_url.
        await page.GotoAsync("/auth/sign-in?return_url=" + Uri.EscapeDataString("/auth/account"));
        await browser.CheckAsync("06-sign-in");
        await SignInAsync(page, Password);
        await Expect(page).ToHaveURLAsync(new Uri(host.Address, "/auth/account").ToString());
        await Expect(page.Locator(".profile")).ToContainTextAsync("Acme Rockets");
        await Expect(page.Locator(".profile")).ToContainTextAsync("(verified)");
        var cookies = await browser.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "__Host-authsome_session");
        Assert.True(session.HttpOnly && session.Secure && session.Path == "/");
        var antiforgery = Assert.Single(cookies, c => c.Name == "__Host-authsome-antiforgery");
        Assert.True(antiforgery.Secure && antiforgery.Path == "/" && antiforgery.SameSite == SameSiteAttribute.Strict);
        await browser.CheckAsync("07-account");

        // Sign out ends the session: the account page sends the browser to sign-in again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToHaveTextAsync("You are signed out.");
        await browser.CheckAsync("08-signed-out");
        await page.GotoAsync("/auth/account");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");

        // Forgot and reset the password by the mailed link, then sign in with the new one.
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await browser.CheckAsync("09-forgot-password");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");
        await page.GotoAsync(await host.Mail.LinkAsync(Email, "reset"));
        await browser.CheckAsync("10-reset-password");
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the new password" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Password changed");
        await browser.CheckAsync("11-password-changed");

        await page.GotoAsync("/auth/sign-in");
        await SignInAsync(page, Password);
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await browser.CheckAsync("12-sign-in-failed");
        await SignInAsync(page, NewPassword);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your account");

        Assert.Empty(browser.CspViolations);
    }

    private static async Task SignInAsync(IPage page, string password)
    {
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static async Task SeedCompanyFieldAsync(IAuthsomeStore store)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = await store.Apps.GetPlatformAsync(cancellationToken) ?? throw new InvalidOperationException("No platform app.");
        var now = DateTimeOffset.UtcNow;
        await store.FormConfigs.CreateAsync(new FormConfig
        {
            Id = Id<FormConfig>.New(now),
            AppId = app.Id,
            FormType = "signup",
            Fields =
            [
                new FormField
                {
                    Key = "company",
                    Label = "Company",
                    Type = "text",
                    Validation = new FormFieldValidation { Required = true, Pattern = "[A-Za-z ]+", MaxLength = 40 },
                },
            ],
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken);
    }
}
