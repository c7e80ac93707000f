using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Store;

namespace Authsome.Api.Tests.MachineAccess;

/// <summary>Service accounts: administered with the permission, own keys that authenticate as the account, stop when disabled.</summary>
public abstract class ServiceAccountTests(Backend backend)
{
    [Fact]
    public async Task AServiceAccountsKeyAuthenticatesAsTheAccount_UntilTheAccountIsDisabled()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var admin = await client.SignUpAsync();
        var user = await client.SignUpAsync();
        Assert.Equal("forbidden", (await client.PostAsync("/admin/service-accounts", new { name = "ci" }, user.AccessToken)).Code);
        await Administrators.GrantAsync(host, admin.UserId, "service_accounts");

        var account = await client.PostAsync("/admin/service-accounts", new { name = "ci", description = "The build" }, admin.AccessToken);
        Assert.Equal(HttpStatusCode.Created, account.Status);
        var id = account.Str("id")!;
        var key = await client.PostAsync($"/admin/service-accounts/{id}/keys", new { name = "deploy", scopes = new[] { "deploy:run" } }, admin.AccessToken);
        Assert.Equal(HttpStatusCode.Created, key.Status);
        Assert.Equal(id, key.Str("service_account_id"));
        var secret = key.Str("secret")!;

        // Authenticated as the account (so the scheme accepts it) but a machine is not a user: /me is refused.
        Assert.Equal("forbidden", (await client.GetAsync("/me", secret)).Code);
        Assert.Single((await client.GetAsync($"/admin/service-accounts/{id}/keys", admin.AccessToken)).Json!.AsArray());
        Assert.Single((await client.GetAsync("/admin/service-accounts", admin.AccessToken)).Json!.AsArray());

        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"/admin/service-accounts/{id}", new { disabled = true }, admin.AccessToken)).Status);
        Assert.Equal("api_key_invalid", (await client.GetAsync("/me", secret)).Code);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"/admin/service-accounts/{id}", new { disabled = false }, admin.AccessToken)).Status);
        Assert.Equal("forbidden", (await client.GetAsync("/me", secret)).Code);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/admin/service-accounts/{id}/keys/{key.Str("id")}", admin.AccessToken)).Status);
        Assert.Equal("api_key_revoked", (await client.GetAsync("/me", secret)).Code);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/admin/service-accounts/{id}", admin.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/service-accounts/{id}/keys", admin.AccessToken)).Status);
        Assert.Equal("api_key_invalid", (await client.GetAsync("/me", secret)).Code);
    }

    [Fact]
    public async Task AServiceAccountHoldsRoles_AndItsKeysMayDoWhatTheyAllow_WithinTheirScopes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var admin = await client.SignUpAsync();
        var accountsOnly = await client.SignUpAsync();
        await Administrators.GrantAsync(host, admin.UserId, "service_accounts");
        await Administrators.GrantAsync(host, admin.UserId, "roles");
        await Administrators.GrantAsync(host, accountsOnly.UserId, "service_accounts");
        var app = (await host.Store.Apps.GetPlatformAsync(ct))!;
        var now = DateTimeOffset.UtcNow;
        var role = new Role { Id = Id<Role>.New(), AppId = app.Id, Name = "Webhook operators", Slug = "webhook-operators", CreatedAt = now, UpdatedAt = now };
        await host.Store.Roles.CreateAsync(role, ct);
        await host.Store.Roles.AddPermissionAsync(new Permission { Id = Id<Permission>.New(), RoleId = role.Id, Action = "manage", Resource = "webhooks", CreatedAt = now }, ct);

        var id = (await client.PostAsync("/admin/service-accounts", new { name = "ops-bot" }, admin.AccessToken)).Str("id")!;
        var scoped = (await client.PostAsync($"/admin/service-accounts/{id}/keys", new { name = "hooks", scopes = new[] { "webhooks:manage" } }, admin.AccessToken)).Str("secret")!;
        var unscoped = (await client.PostAsync($"/admin/service-accounts/{id}/keys", new { name = "all" }, admin.AccessToken)).Str("secret")!;
        var elsewhere = (await client.PostAsync($"/admin/service-accounts/{id}/keys", new { name = "deploy", scopes = new[] { "deploy:*" } }, admin.AccessToken)).Str("secret")!;

        // No role yet: the account may do nothing, whatever its key's scopes say.
        Assert.Equal("forbidden", (await client.GetAsync("/webhooks", scoped)).Code);
        Assert.Equal("forbidden", (await client.GetAsync("/webhooks", unscoped)).Code);

        // Giving roles needs manage on roles too, and the role must exist.
        Assert.Equal("forbidden", (await client.PostAsync($"/admin/service-accounts/{id}/roles", new { role = role.Slug }, accountsOnly.AccessToken)).Code);
        Assert.Equal("validation_failed", (await client.PostAsync($"/admin/service-accounts/{id}/roles", new { role = "no-such-role" }, admin.AccessToken)).Code);
        var assigned = await client.PostAsync($"/admin/service-accounts/{id}/roles", new { role = role.Slug }, admin.AccessToken);
        Assert.Equal(HttpStatusCode.OK, assigned.Status);
        Assert.Equal(role.Slug, Assert.Single(assigned.Json!.AsArray())!["slug"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/admin/service-accounts/{id}/roles", new { role = role.Slug }, admin.AccessToken)).Status);

        // The role allows managing webhooks; a key's scopes narrow that, never widen it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/webhooks", scoped)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/webhooks", unscoped)).Status);
        Assert.Equal("forbidden", (await client.GetAsync("/webhooks", elsewhere)).Code);
        Assert.Equal("forbidden", (await client.GetAsync("/admin/service-accounts", unscoped)).Code);
        // A machine never hands out roles, even one whose roles allow everything.
        var everything = new Role { Id = Id<Role>.New(), AppId = app.Id, Name = "Everything", Slug = "everything", CreatedAt = now, UpdatedAt = now };
        await host.Store.Roles.CreateAsync(everything, ct);
        await host.Store.Roles.AddPermissionAsync(new Permission { Id = Id<Permission>.New(), RoleId = everything.Id, Action = "*", Resource = "*", CreatedAt = now }, ct);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/admin/service-accounts/{id}/roles", new { role = everything.Slug }, admin.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/service-accounts", unscoped)).Status);
        Assert.Equal("forbidden", (await client.PostAsync($"/admin/service-accounts/{id}/roles", new { role = everything.Slug }, unscoped)).Code);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/admin/service-accounts/{id}/roles/{everything.Id}", admin.AccessToken)).Status);
        Assert.Single((await client.GetAsync($"/admin/service-accounts/{id}/roles", admin.AccessToken)).Json!.AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/admin/service-accounts/{id}/roles/{role.Id}", admin.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/admin/service-accounts/{id}/roles/{role.Id}", admin.AccessToken)).Status);
        Assert.Equal("forbidden", (await client.GetAsync("/webhooks", unscoped)).Code);
        Assert.Empty((await client.GetAsync($"/admin/service-accounts/{id}/roles", admin.AccessToken)).Json!.AsArray());
    }
}

public sealed class ServiceAccountTestsOnMemory() : ServiceAccountTests(Backend.Memory);

public sealed class ServiceAccountTestsOnSqlite() : ServiceAccountTests(Backend.Sqlite);

public sealed class ServiceAccountTestsOnPostgres() : ServiceAccountTests(Backend.Postgres);

public sealed class ServiceAccountTestsOnMongo() : ServiceAccountTests(Backend.Mongo);
