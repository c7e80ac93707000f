using Microsoft.Playwright;

namespace Authsome.AppHost.Tests;

/// <summary>
/// Aspire's dashboard in headless Chromium (Debian's <c>chromium</c> package, driven by Playwright): the login URL's
/// token lets it in and the resources page lists the database, the migrator and the API. The screenshot is kept under
/// <c>artifacts/test-results/screenshots/</c> (or <c>$AUTHSOME_CI_RESULTS/screenshots/</c>) and attached to the test.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class DashboardTests(RunningAppHost appHost)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_lets_the_token_in_and_shows_the_three_resources()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (.ci/run installs it).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 } });

        await page.GotoAsync(new Uri(appHost.DashboardUrl, $"/login?t={appHost.BrowserToken}").ToString());

        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        foreach (var resource in (string[])["postgres", "migrator", "api"])
        {
            await Assertions.Expect(page.GetByText(resource, new() { Exact = true }).First).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.GetByText("Finished", new() { Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Running", new() { Exact = true }).First).ToBeVisibleAsync();

        var screenshot = await page.ScreenshotAsync(new() { Path = ScreenshotPath(), FullPage = true });
        TestContext.Current.AddAttachment("dashboard-resources.png", screenshot, "image/png");
    }

    private static string ScreenshotPath()
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

        return Path.Combine(results, "screenshots", "dashboard-resources.png");
    }
}
