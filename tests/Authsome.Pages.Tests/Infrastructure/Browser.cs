using System.Text.Json;
using Microsoft.Playwright;

namespace Authsome.Pages.Tests.Infrastructure;

/// <summary>
/// Headless Debian Chromium (<c>/usr/bin/chromium</c>, installed by .ci/run) driven by Playwright, with axe-core
/// (npm, in this project's node_modules) to check each page, and screenshots kept under artifacts/pages.
/// Without the browser or axe-core the tests are skipped locally, and fail in CI.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly string axeSource;
    private readonly List<string> cspViolations = [];

    private Browser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, string axeSource)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.axeSource = axeSource;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                cspViolations.Add(message.Text);
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Messages of every Content-Security-Policy violation the browser reported.</summary>
    public IReadOnlyList<string> CspViolations => cspViolations;

    public static async Task<Browser> LaunchAsync(Uri baseAddress)
    {
        var axe = FindAxe();
        if (!File.Exists(ChromiumPath) || axe is null)
        {
            var missing = axe is null ? "axe-core (npm install in tests/Authsome.Pages.Tests)" : ChromiumPath + " (apt-get install chromium)";
            Assert.SkipWhen(Environment.GetEnvironmentVariable("CI") is null, $"Browser tests need {missing}.");
            Assert.Fail($"Browser tests need {missing}; .ci/run installs both.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // CI runs as root, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), IgnoreHTTPSErrors = true });
        var page = await context.NewPageAsync();
        return new Browser(playwright, browser, context, page, await File.ReadAllTextAsync(axe!, TestContext.Current.CancellationToken));
    }

    /// <summary>Saves a full-page screenshot as artifacts/pages/NAME.png and runs axe-core on the page; fails on any serious or critical violation.</summary>
    public async Task CheckAsync(string name)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });
        // Evaluated through the DevTools protocol, which the page's CSP does not govern: the page itself stays unchanged.
        await Page.EvaluateAsync(axeSource);
        var violations = await Page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        Assert.True(violations.GetArrayLength() == 0, $"axe-core on {name}: {violations}");
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await browser.CloseAsync();
        playwright.Dispose();
    }

    public static string ArtifactsDirectory =>
        Environment.GetEnvironmentVariable("AUTHSOME_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? Path.Combine(configured, "pages")
            : Path.Combine(RepositoryRoot() ?? Path.GetTempPath(), "artifacts", "pages");

    private static string? FindAxe()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Authsome.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
