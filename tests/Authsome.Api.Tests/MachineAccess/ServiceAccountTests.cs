using System.Net;
using Authsome.Api.Tests.Infrastructure;

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
}

public sealed class ServiceAccountTestsOnMemory() : ServiceAccountTests(Backend.Memory);

public sealed class ServiceAccountTestsOnSqlite() : ServiceAccountTests(Backend.Sqlite);

public sealed class ServiceAccountTestsOnPostgres() : ServiceAccountTests(Backend.Postgres);

public sealed class ServiceAccountTestsOnMongo() : ServiceAccountTests(Backend.Mongo);
