using System.Net;
using System.Text.RegularExpressions;
using Authsome.Pages.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Pages.Tests;

/// <summary>What the pages promise without a browser: headers, anti-forgery, no open redirect, escaped branding.</summary>
public sealed partial class PageSecurityTests
{
    [Fact]
    public async Task PagesCarryANonceCspAndRefuseFraming()
    {
        await using var host = PagesHost.Start();
        using var client = host.CreateClient();
        using var first = await client.GetAsync("/auth/sign-in", TestContext.Current.CancellationToken);
        using var second = await client.GetAsync("/auth/sign-in", TestContext.Current.CancellationToken);

        var csp = Assert.Single(first.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.NotEqual(Nonce().Match(csp).Value, Nonce().Match(Assert.Single(second.Headers.GetValues("Content-Security-Policy"))).Value);
        Assert.Equal("DENY", Assert.Single(first.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(first.Headers.GetValues("Referrer-Policy")));
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-authsome-antiforgery=", StringComparison.Ordinal)
            && c.Contains("secure", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task FormWithoutItsAntiforgeryTokenIsRefused()
    {
        await using var host = PagesHost.Start();
        using var client = host.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "a@example.com", ["password"] = "whatever password" });
        using var response = await client.PostAsync("/auth/sign-in", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("did not come from this site", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountChangesNeedTheirAntiforgeryTokenAndAPost()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = PagesHost.Start(new Dictionary<string, string?> { ["Authsome:SignIn:RequireEmailVerification"] = "false" });
        using var client = host.CreateClient();
        await PostFormAsync(client, "/auth/sign-up", new() { ["email"] = "grace@example.com", ["password"] = "a long enough passphrase" });
        var app = await host.Services.GetRequiredService<IAuthsomeEngine>().GetAppAsync(cancellationToken);
        var user = await host.Store.Users.GetByEmailAsync(app.AppId, app.EnvId, "grace@example.com", cancellationToken);
        var device = Assert.Single(await host.Store.Devices.ListByUserAsync(user!.Id, cancellationToken));

        string[] changes = ["/auth/account/api-keys", $"/auth/account/devices/{device.Id}/trust", $"/auth/account/devices/{device.Id}/remove"];
        foreach (var path in changes)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "forged" });
            using var forged = await client.PostAsync(path, form, cancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            using var get = await client.GetAsync(path, cancellationToken);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        }

        Assert.Empty(await host.Store.ApiKeys.ListByUserAsync(user.Id, cancellationToken));
        Assert.Equal(device, await host.Store.Devices.GetAsync(device.Id, cancellationToken));
    }

    [Theory]
    [InlineData("https://evil.example/steal", "/auth/account")]
    [InlineData("//evil.example/steal", "/auth/account")]
    [InlineData("/\\evil.example", "/auth/account")]
    [InlineData("javascript:alert(1)", "/auth/account")]
    [InlineData("https://app.example.com/welcome?x=1", "https://app.example.com/welcome?x=1")]
    [InlineData("/dashboard", "/dashboard")]
    public async Task SignInSendsTheBrowserOnlyToAllowedReturnUrls(string returnUrl, string expected)
    {
        await using var host = PagesHost.Start(new Dictionary<string, string?>
        {
            ["Authsome:Pages:AllowedReturnOrigins:0"] = "https://app.example.com",
            ["Authsome:SignIn:RequireEmailVerification"] = "false",
        });
        using var client = host.CreateClient();
        await PostFormAsync(client, "/auth/sign-up", new() { ["email"] = "grace@example.com", ["password"] = "a long enough passphrase" });
        using var signedOut = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator, AllowAutoRedirect = false }) { BaseAddress = host.Address };

        using var response = await PostFormAsync(signedOut, "/auth/sign-in", new()
        {
            ["email"] = "grace@example.com",
            ["password"] = "a long enough passphrase",
            ["return_url"] = returnUrl,
        });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task BrandingTextIsEscapedAndCustomCssIsAStylesheet()
    {
        await using var host = PagesHost.Start(new Dictionary<string, string?>
        {
            ["Authsome:Pages:Branding:CompanyName"] = "<script>alert(1)</script>",
            ["Authsome:Pages:Branding:Colors:primary"] = "#112233",
            ["Authsome:Pages:Branding:CustomCss"] = "body { outline: 1px solid red; }",
        });
        using var client = host.CreateClient();

        var html = await client.GetStringAsync("/auth/sign-in", TestContext.Current.CancellationToken);
        using var css = await client.GetAsync("/auth/assets/branding.css", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        var stylesheet = await css.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("--authsome-primary: #112233;", stylesheet, StringComparison.Ordinal);
        Assert.EndsWith("body { outline: 1px solid red; }\n", stylesheet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Authsome:Pages:Branding:Colors:primary", "red;}</style><script>", "Authsome:Pages:Branding:Colors:primary")]
    [InlineData("Authsome:Pages:Branding:FontFamily", "x; background: url(https://evil.example)", "Authsome:Pages:Branding:FontFamily")]
    [InlineData("Authsome:Pages:Branding:LogoUrl", "javascript:alert(1)", "Authsome:Pages:Branding:LogoUrl")]
    [InlineData("Authsome:Pages:AllowedReturnOrigins:0", "https://app.example.com/path", "Authsome:Pages:AllowedReturnOrigins:0")]
    [InlineData("Authsome:Pages:Path", "auth", "Authsome:Pages:Path")]
    public void UnsafeSettingsStopTheHostNamingTheirPath(string key, string value, string named)
    {
        var failure = Assert.ThrowsAny<Exception>(() => PagesHost.Start(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(named, failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        // A GET first, as a browser would: it sets the anti-forgery cookie and gives the form's token.
        var page = await client.GetStringAsync(path, TestContext.Current.CancellationToken);
        fields["__antiforgery"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, form, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("name=\"__antiforgery\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
