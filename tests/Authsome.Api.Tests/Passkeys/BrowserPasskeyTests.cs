using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Email;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Authsome.Api.Tests.Passkeys;

/// <summary>
/// The passkey round trip in headless Debian Chromium, with the browser's own WebAuthn code and its virtual
/// authenticator (Chrome DevTools Protocol <c>WebAuthn.addVirtualAuthenticator</c>): a small page on the API's origin
/// calls <c>navigator.credentials.create</c> and <c>get</c> against the passkey routes.
/// </summary>
public sealed class BrowserPasskeyTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task APasskeyCreatedInChromiumSignsInWithoutAUsername()
    {
        if (!File.Exists(Chromium))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"CI must install Chromium ({Chromium}): apt-get install -y chromium.");
            Assert.Skip($"No Chromium at {Chromium} (apt-get install -y chromium).");
        }

        var ct = TestContext.Current.CancellationToken;
        var origin = $"http://localhost:{FreePort()}";
        await using var app = await StartApiAsync(origin, ct);
        using var http = new HttpClient { BaseAddress = new Uri(origin) };
        using var client = new ApiClient(http);
        var account = await client.SignUpAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync();
        await VirtualAuthenticator.AddAsync(page);
        await page.GotoAsync(origin + "/passkey-test-page.html");

        var registered = await page.EvaluateAsync<JsonElement>("([token, name]) => registerPasskey(token, name)", new[] { account.AccessToken, "Chromium" });
        Assert.Equal("Chromium", registered.GetProperty("name").GetString());

        var signedIn = await page.EvaluateAsync<JsonElement>("() => signInWithPasskey()");
        Assert.Equal(account.UserId, signedIn.GetProperty("user").GetProperty("id").GetString());
        var me = await client.GetAsync("/me", signedIn.GetProperty("session_token").GetString());
        Assert.Equal(HttpStatusCode.OK, me.Status);
    }

    /// <summary>The engine as an app embeds it, on Kestrel at <paramref name="origin"/> (a browser needs a real socket), serving the test page.</summary>
    private static async Task<WebApplication> StartApiAsync(string origin, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls(origin);
        builder.Services.AddSingleton<IEmailSender>(new CapturingEmailSender());
        builder.Services.AddAuthsome(authsome => authsome.UseMemory().AddPassword().AddPasskeys(passkeys =>
        {
            passkeys.RelyingPartyId = "localhost";
            passkeys.Origins = [origin];
            passkeys.UserVerification = Fido2NetLib.Objects.UserVerificationRequirement.Required;
        }));
        builder.Services.AddAuthsomeAuthentication();

        var app = builder.Build();
        app.UseAuthsome();
        app.MapAuthsome();
        var page = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Passkeys", "passkey-test-page.html"), cancellationToken);
        app.MapGet("/passkey-test-page.html", () => Results.Content(page, "text/html"));
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
