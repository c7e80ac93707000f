using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;

namespace Authsome.AppHost.Tests;

/// <summary>
/// Aspire's dashboard in headless Chromium (Debian's <c>chromium</c> package, driven by Playwright): the login URL's
/// token lets it in and the resources page lists the database, the migrator and the API. The screenshot is kept under
/// <c>artifacts/test-results/screenshots/</c> (or <c>$AUTHSOME_CI_RESULTS/screenshots/</c>) and attached to the test.
/// A sign-up through the API appears under Traces (the projects export to the dashboard over OTLP).
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class DashboardTests(RunningAppHost appHost)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_ShowsTheThreeResources_AfterTokenLogin()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (.ci/run installs it).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 } });

        await page.GotoAsync(new Uri(appHost.DashboardUrl, $"/login?t={appHost.BrowserToken}").ToString());

        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        // Cells of the resources grid (the page also has hidden filter labels with the state names).
        foreach (var text in (string[])["postgres", "migrator", "api", "Finished", "Running"])
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Gridcell).GetByText(text, new() { Exact = true }).First).ToBeVisibleAsync();
        }

        var screenshot = await page.ScreenshotAsync(new() { Path = ScreenshotPath("dashboard-resources.png"), FullPage = true });
        TestContext.Current.AddAttachment("dashboard-resources.png", screenshot, "image/png");
    }

    [Fact]
    public async Task Dashboard_ShowsSignUpTrace_AfterSignUpThroughApi()
    {
        using (var http = appHost.App.CreateHttpClient("api"))
        {
            using var signUp = await http.PostAsJsonAsync(
                "/v1/auth/signup", new { email = $"trace.{Guid.NewGuid():N}@example.com", password = "Correct-Horse-42" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 } });
        await page.GotoAsync(new Uri(appHost.DashboardUrl, $"/login?t={appHost.BrowserToken}").ToString());
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));

        await page.GotoAsync(new Uri(appHost.DashboardUrl, "/traces").ToString());

        await Assertions.Expect(page.GetByText(new Regex("POST /v1/auth/signup")).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var screenshot = await page.ScreenshotAsync(new() { Path = ScreenshotPath("dashboard-traces.png"), FullPage = true });
        TestContext.Current.AddAttachment("dashboard-traces.png", screenshot, "image/png");
    }

    private static string ScreenshotPath(string fileName)
    {
        var results = Environment.GetEnvironmentVariable("AUTHSOME_CI_RESULTS");
        if (string.IsNullOrWhiteSpace(results))
        {
            var repository = new DirectoryInfo(AppContext.BaseDirectory);
            while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Authsome.sln")))
            {
                repository = repository.Parent;
            }

            results = Path.Combine(repository?.FullName ?? AppContext.BaseDirectory, "artifacts", "test-results");
        }

        return Path.Combine(results, "screenshots", fileName);
    }
}
