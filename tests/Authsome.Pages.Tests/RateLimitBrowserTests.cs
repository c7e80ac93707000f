using System.Net;
using System.Net.Http.Json;
using Authsome.Pages.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Authsome.Pages.Tests;

/// <summary>
/// A page request the rate limiter refuses gets a page (429, Retry-After, the pages' CSP), checked by axe-core, while
/// the JSON routes in the same limit keep their problem details.
/// </summary>
public sealed class RateLimitBrowserTests
{
    [Fact]
    public async Task ARateLimitedSignInIsAnsweredWithAPageAndTheApiWithAProblem()
    {
        await using var host = PagesHost.Start(new Dictionary<string, string?> { ["Authsome:RateLimits:SignIn:PermitLimit"] = "1" });
        await using var browser = await Browser.LaunchAsync(host.Address);
        var page = browser.Page;

        await page.GotoAsync("/auth/sign-in");
        await TrySignInAsync(page);
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();

        var refused = await page.RunAndWaitForResponseAsync(() => TrySignInAsync(page),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/auth/sign-in", StringComparison.Ordinal));
        Assert.Equal(429, refused.Status);
        Assert.True(int.Parse(await refused.HeaderValueAsync("retry-after") ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains("frame-ancestors 'none'", await refused.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        Assert.StartsWith("text/html", await refused.HeaderValueAsync("content-type"), StringComparison.Ordinal);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Too many attempts");
        await Expect(page.Locator(".notice")).ToContainTextAsync("Please wait");
        await browser.CheckAsync("rate-limited");

        using var api = host.CreateClient();
        using var problem = await api.PostAsJsonAsync("/v1/auth/signin", new { email = "ada@example.com", password = "whatever it is" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
        Assert.Empty(browser.CspViolations);
    }

    private static async Task TrySignInAsync(IPage page)
    {
        await page.GetByLabel("Email").FillAsync("ada@example.com");
        await page.GetByLabel("Password").FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
