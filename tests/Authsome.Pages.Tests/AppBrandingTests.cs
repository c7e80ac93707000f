using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Authsome.Pages.Tests.Infrastructure;

namespace Authsome.Pages.Tests;

/// <summary>
/// An app's own branding, set through <c>PUT /admin/apps/{id}/branding</c>: checked like the host's settings, shown
/// over them on the next page, and gone when deleted; the settings route cannot write it around the checks.
/// </summary>
public sealed class AppBrandingTests
{
    private const string AdminEmail = "brand-admin@example.com";
    private const string Password = "a long enough passphrase";

    [Fact]
    public async Task AnAppsBrandingShowsOverTheHostsSettings_AndUnsafeValuesAreRefused()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = PagesHost.Start(new Dictionary<string, string?>
        {
            ["Authsome:Bootstrap:AdminEmails:0"] = AdminEmail,
            ["Authsome:Pages:Branding:CompanyName"] = "Host Name",
            ["Authsome:Pages:Branding:Colors:primary"] = "#111111",
            ["Authsome:Pages:Branding:Colors:text"] = "#222222",
        });
        using var client = host.CreateClient();
        await host.CreateVerifiedUserAsync(AdminEmail, Password);
        using var signIn = await client.PostAsJsonAsync("/v1/auth/signin", new { email = AdminEmail, password = Password }, cancellationToken);
        Assert.True(signIn.IsSuccessStatusCode, $"{signIn.StatusCode} {await signIn.Content.ReadAsStringAsync(cancellationToken)}");
        var token = (await signIn.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["session_token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var apps = await client.GetFromJsonAsync<JsonObject>("/v1/auth/admin/apps", cancellationToken);
        var branding = $"/v1/auth/admin/apps/{apps!["items"]![0]!["id"]!.GetValue<string>()}/branding";

        using var unsafeValues = await client.PutAsJsonAsync(branding, new
        {
            company_name = "Shop",
            logo_url = "javascript:alert(1)",
            colors = new Dictionary<string, string> { ["primary"] = "red;}</style><script>" },
        }, cancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, unsafeValues.StatusCode);
        var errors = (await unsafeValues.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["errors"]!.AsObject();
        Assert.Equal(["colors.primary", "logo_url"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        using var around = await client.PutAsJsonAsync("/v1/auth/admin/settings/authsome.branding", new { scope = "app", scope_id = apps["items"]![0]!["id"]!.GetValue<string>(), value = new { logo_url = "javascript:alert(1)" } }, cancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, around.StatusCode);

        using var saved = await client.PutAsJsonAsync(branding, new { company_name = "Shop & Co", tagline = "Buy things", colors = new Dictionary<string, string> { ["primary"] = "#336699" } }, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var page = await client.GetStringAsync("/auth/sign-in", cancellationToken);
        var css = await client.GetStringAsync("/auth/assets/branding.css", cancellationToken);
        Assert.Contains("Shop &amp; Co", page, StringComparison.Ordinal);
        Assert.Contains("Buy things", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Host Name", page, StringComparison.Ordinal);
        Assert.Contains("--authsome-primary: #336699;", css, StringComparison.Ordinal);
        Assert.Contains("--authsome-text: #222222;", css, StringComparison.Ordinal);

        using var deleted = await client.DeleteAsync(branding, cancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Contains("Host Name", await client.GetStringAsync("/auth/sign-in", cancellationToken), StringComparison.Ordinal);
        using var gone = await client.GetAsync(branding, cancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
