using System.Net;
using Authsome.Admin;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Api.Tests.Tenancy;
using Authsome.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Api.Tests.Admin;

/// <summary>
/// The admin API and apps chosen by publishable key, end to end: a platform administrator bootstrapped from configuration
/// creates an app; that app's users, sessions and organizations stay in it; an app's administrator reaches nothing else.
/// </summary>
public abstract class AdminApiTests(Backend backend)
{
    private const string AdminEmail = "root@example.com";

    [Fact]
    public async Task AppsAreIsolatedByPublishableKeyAndAdministeredWithinReach()
    {
        await using var host = await ApiHost.StartAsync(backend, settings: new Dictionary<string, string?> { ["Authsome:Bootstrap:AdminEmails:0"] = AdminEmail });
        using var platform = host.CreateClient();
        var admin = await platform.SignUpAsync(AdminEmail);
        var plain = await platform.SignUpAsync();
        Assert.Equal("forbidden", (await platform.GetAsync("/admin/apps", plain.AccessToken)).Code);

        var created = await platform.PostAsync("/admin/apps", new { name = "Shop" }, admin.AccessToken);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var shopId = created.Str("id")!;
        var key = created.Str("publishable_key")!;
        Assert.StartsWith("pk_", key, StringComparison.Ordinal);

        // The same email is another account in another app; sessions work only in their own app.
        using var shop = host.CreateClient();
        shop.Http.DefaultRequestHeaders.Add("X-Publishable-Key", key);
        var customer = await shop.SignUpAsync(AdminEmail);
        Assert.NotEqual(admin.UserId, customer.UserId);
        Assert.Equal(HttpStatusCode.OK, (await shop.GetAsync("/me", customer.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.GetAsync("/me", customer.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await shop.GetAsync("/me", admin.AccessToken)).Status);
        Assert.Equal("invalid_credentials", (await shop.PostAsync("/signin", new { email = plain.Email, password = ApiClient.Password })).Code);
        using var bogus = host.CreateClient();
        bogus.Http.DefaultRequestHeaders.Add("X-Publishable-Key", "pk_unknown");
        Assert.Equal("publishable_key_invalid", (await bogus.PostAsync("/signup", new { email = ApiClient.NewEmail(), password = ApiClient.Password })).Code);

        // Organizations and invitations do not cross apps either.
        var shopOrg = await shop.CreateOrgAsync(customer, "Shop Org");
        Assert.Equal(HttpStatusCode.NotFound, (await platform.GetAsync($"/orgs/{shopOrg}", admin.AccessToken)).Status);
        var token = await shop.InviteAsync(host.Mail, shopOrg, customer, plain.Email);
        Assert.Equal("invitation_invalid", (await platform.PostAsync("/invitations/accept", new { token }, plain.AccessToken)).Code);

        // The platform administrator sees and manages the shop's users.
        var users = await platform.GetAsync($"/admin/users?app_id={shopId}&email=root", admin.AccessToken);
        Assert.Equal([customer.UserId], users.Json!["items"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await platform.PostAsync($"/admin/users/{customer.UserId}/ban", new { reason = "spam" }, admin.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await shop.GetAsync("/me", customer.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await platform.PostAsync($"/admin/users/{customer.UserId}/unban", null, admin.AccessToken)).Status);
        var again = await shop.SignInAsync(customer.Email);
        Assert.Single((await platform.GetAsync($"/admin/users/{customer.UserId}/sessions", admin.AccessToken)).Json!.AsArray());
        Assert.Equal(1, (await platform.DeleteAsync($"/admin/users/{customer.UserId}/sessions", admin.AccessToken)).Json!["revoked"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await shop.GetAsync("/me", again.AccessToken)).Status);

        // An administrator of the shop reaches the shop alone.
        var shopAdmin = await shop.SignUpAsync();
        var shopAdminUser = (await host.Store.Users.GetAsync(Id<User>.Parse(shopAdmin.UserId), TestContext.Current.CancellationToken))!;
        await host.Services.GetRequiredService<PlatformAdmins>().GrantAsync(shopAdminUser, TestContext.Current.CancellationToken);
        var platformId = (await platform.GetAsync("/admin/apps", admin.AccessToken)).Json!["items"]!.AsArray().Single(a => a!["is_platform"]!.GetValue<bool>())!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound, (await shop.GetAsync($"/admin/apps/{platformId}", shopAdmin.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await shop.GetAsync($"/admin/users?app_id={platformId}", shopAdmin.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await shop.GetAsync($"/admin/users/{admin.UserId}", shopAdmin.AccessToken)).Status);
        Assert.Equal("forbidden", (await shop.PostAsync("/admin/apps", new { name = "Mine" }, shopAdmin.AccessToken)).Code);
        Assert.Equal(2, (await shop.GetAsync("/admin/users", shopAdmin.AccessToken)).Json!["total"]!.GetValue<long>());
        Assert.Equal([shopId], (await shop.GetAsync("/admin/apps", shopAdmin.AccessToken)).Json!["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));

        // A changed session config is in force at once.
        var config = await platform.SendAsync(HttpMethod.Put, $"/admin/apps/{shopId}/session-config", new { access_token_ttl_seconds = 120 }, admin.AccessToken);
        Assert.Equal(120, config.Json!["access_token_ttl_seconds"]!.GetValue<int>());
        var shortLived = await shop.PostAsync("/signup", new { email = ApiClient.NewEmail(), password = ApiClient.Password });
        var expiresIn = DateTimeOffset.Parse(shortLived.Str("expires_at")!, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow;
        Assert.InRange(expiresIn.TotalSeconds, 60, 120);

        // Settings resolve from the narrowest scope that has one.
        Assert.Equal(HttpStatusCode.OK, (await platform.SendAsync(HttpMethod.Put, "/admin/settings/theme", new { scope = "global", value = "light" }, admin.AccessToken)).Status);
        Assert.Equal("forbidden", (await shop.SendAsync(HttpMethod.Put, "/admin/settings/theme", new { scope = "global", value = "x" }, shopAdmin.AccessToken)).Code);
        Assert.Equal(HttpStatusCode.OK, (await shop.SendAsync(HttpMethod.Put, "/admin/settings/theme", new { scope = "app", scope_id = shopId, value = "dark" }, shopAdmin.AccessToken)).Status);
        Assert.Equal("dark", (await platform.GetAsync($"/admin/settings/theme/resolve?app_id={shopId}", admin.AccessToken)).Json!["value"]!.GetValue<string>());
        Assert.Equal("light", (await platform.GetAsync("/admin/settings/theme/resolve", admin.AccessToken)).Json!["value"]!.GetValue<string>());
        Assert.Equal(["theme"], (await shop.GetAsync($"/admin/settings?scope=app&scope_id={shopId}", shopAdmin.AccessToken)).Json!.AsArray().Select(s => s!["key"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await shop.GetAsync($"/admin/settings?scope=app&scope_id={platformId}", shopAdmin.AccessToken)).Status);

        // Environments (last: the users above live in the production environment): the default one stays until another takes its place.
        var environments = $"/admin/apps/{shopId}/environments";
        var production = (await platform.GetAsync(environments, admin.AccessToken)).Json!.AsArray().Single()!["id"]!.GetValue<string>();
        var staging = (await platform.PostAsync(environments, new { name = "Staging", type = "staging" }, admin.AccessToken)).Str("id");
        Assert.Equal("default_environment", (await platform.DeleteAsync($"{environments}/{production}", admin.AccessToken)).Code);
        Assert.Equal(HttpStatusCode.NoContent, (await platform.PostAsync($"{environments}/{staging}/default", null, admin.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await platform.DeleteAsync($"{environments}/{production}", admin.AccessToken)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await platform.DeleteAsync($"/admin/apps/{shopId}", admin.AccessToken)).Status);
        Assert.Equal("publishable_key_invalid", (await shop.PostAsync("/signin", new { email = customer.Email, password = ApiClient.Password })).Code);
    }
}

public sealed class AdminApiTestsOnMemory() : AdminApiTests(Backend.Memory);

public sealed class AdminApiTestsOnPostgres() : AdminApiTests(Backend.Postgres);

public sealed class AdminApiTestsOnSqlite() : AdminApiTests(Backend.Sqlite);

public sealed class AdminApiTestsOnMongo() : AdminApiTests(Backend.Mongo);
