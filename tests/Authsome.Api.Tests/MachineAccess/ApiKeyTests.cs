using System.Net;
using Authsome.ApiKeys;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Authsome.Api.Tests.MachineAccess;

/// <summary>API keys end to end: made with a session, used as the owner, revoked, expired, rolled.</summary>
public abstract class ApiKeyTests(Backend backend)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AKeyCallsMeAsItsOwner_AndOnceRevokedGets401ApiKeyRevoked()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var owner = await client.SignUpAsync();

        var created = await client.PostAsync("/keys", new { name = "ci", scopes = new[] { "users:read" } }, owner.AccessToken);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var secret = created.Str("secret")!;
        Assert.StartsWith("sk_test_", secret, StringComparison.Ordinal);
        Assert.Equal(8 + 43, secret.Length);
        Assert.StartsWith(created.Str("prefix")!, secret, StringComparison.Ordinal);
        var asBearer = await client.GetAsync("/me", secret);
        Assert.True(asBearer.Status == HttpStatusCode.OK, asBearer.Text);
        Assert.Equal(owner.UserId, asBearer.Str("id"));
        Assert.Equal(owner.UserId, (await GetWithHeaderAsync(client, "/me", secret)).Str("id"));

        var listed = await client.GetAsync("/keys", owner.AccessToken);
        var entry = Assert.Single(listed.Json!.AsArray())!;
        Assert.Null(entry["secret"]);
        Assert.DoesNotContain(secret, listed.Text, StringComparison.Ordinal);
        Assert.Equal(created.Str("id"), entry["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/keys/{created.Str("id")}", owner.AccessToken)).Status);
        var revoked = await client.GetAsync("/me", secret);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.Status);
        Assert.Equal("api_key_revoked", revoked.Code);
        Assert.True((await client.GetAsync("/keys", owner.AccessToken)).Json!.AsArray().Single()!["revoked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task MalformedAndUnknownKeysGet401ApiKeyInvalid()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();

        foreach (var bad in new[] { "sk_live_short", "sk_live_" + new string('!', 43), "sk_prod_" + new string('a', 43), ApiKeySecret.New(live: true) })
        {
            var answer = await GetWithHeaderAsync(client, "/me", bad);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
            Assert.Equal("api_key_invalid", answer.Code);
        }

        Assert.Equal("api_key_invalid", (await client.GetAsync("/me", "sk_junk")).Code);
    }

    [Fact]
    public async Task AKeyExpiresAtItsExpiry_AndSaysSo()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, time: time);
        using var client = host.CreateClient();
        var owner = await client.SignUpAsync();
        var expiresAt = time.GetUtcNow().AddHours(1);
        var secret = (await client.PostAsync("/keys", new { name = "short-lived", expires_at = expiresAt }, owner.AccessToken)).Str("secret")!;

        time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", secret)).Status);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var expired = await client.GetAsync("/me", secret);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal("api_key_expired", expired.Code);
    }

    [Fact]
    public async Task RollingIssuesANewSecret_AndTheOldOneWorksOnlyForTheGracePeriod()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, settings: new Dictionary<string, string?> { ["Authsome:ApiKeys:RollGracePeriod"] = "00:30:00" }, time: time);
        using var client = host.CreateClient();
        var owner = await client.SignUpAsync();
        var created = await client.PostAsync("/keys", new { name = "deploy", scopes = new[] { "deploy:*" } }, owner.AccessToken);
        var old = created.Str("secret")!;

        var rolled = await client.PostAsync($"/keys/{created.Str("id")}/roll", null, owner.AccessToken);

        Assert.Equal(HttpStatusCode.OK, rolled.Status);
        var fresh = rolled.Str("secret")!;
        Assert.NotEqual(old, fresh);
        Assert.Equal("deploy", rolled.Str("name"));
        Assert.Equal("deploy:*", rolled.Json!["scopes"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", old)).Status);
        time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", old)).Status);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("api_key_expired", (await client.GetAsync("/me", old)).Code);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", fresh)).Status);
    }

    [Fact]
    public async Task KeysAreManagedOnlyWithASession_AndOnlyTheOwnersOwn()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var owner = await client.SignUpAsync();
        var stranger = await client.SignUpAsync();
        var created = await client.PostAsync("/keys", new { name = "mine" }, owner.AccessToken);
        var secret = created.Str("secret")!;

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/keys", new { name = "by a key" }, secret)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/sessions", secret)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/keys/{created.Str("id")}", stranger.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/keys/{created.Str("id")}/roll", null, stranger.AccessToken)).Status);
        Assert.Empty((await client.GetAsync("/keys", stranger.AccessToken)).Json!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", secret)).Status);
        Assert.Equal("validation_failed", (await client.PostAsync("/keys", new { name = "x", scopes = new[] { "Not A Scope" } }, owner.AccessToken)).Code);
        Assert.Equal("validation_failed", (await client.PostAsync("/keys", new { name = " " }, owner.AccessToken)).Code);
        Assert.Equal("validation_failed", (await client.PostAsync("/keys", new { name = "past", expires_at = DateTimeOffset.UtcNow.AddMinutes(-1) }, owner.AccessToken)).Code);
    }

    [Fact]
    public async Task LastUsedIsRecordedInTheBackground_NotOnEveryRequest()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var owner = await client.SignUpAsync();
        var created = await client.PostAsync("/keys", new { name = "used" }, owner.AccessToken);
        var id = Id<ApiKey>.Parse(created.Str("id")!);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", created.Str("secret"))).Status);
        }

        Assert.Null((await host.Store.ApiKeys.GetAsync(id, Ct))!.LastUsedAt);
        await host.Services.GetRequiredService<ApiKeyUsage>().FlushAsync(Ct);
        var used = (await host.Store.ApiKeys.GetAsync(id, Ct))!.LastUsedAt;
        Assert.NotNull(used);
        Assert.NotNull((await client.GetAsync("/keys", owner.AccessToken)).Json!.AsArray().Single()!["last_used_at"]);
    }

    private static async Task<Answer> GetWithHeaderAsync(ApiClient client, string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiClient.Base + path);
        request.Headers.Add("X-API-Key", key);
        return await client.SendAsync(request, null);
    }
}

public sealed class ApiKeyTestsOnMemory() : ApiKeyTests(Backend.Memory);

public sealed class ApiKeyTestsOnSqlite() : ApiKeyTests(Backend.Sqlite);

public sealed class ApiKeyTestsOnPostgres() : ApiKeyTests(Backend.Postgres);

public sealed class ApiKeyTestsOnMongo() : ApiKeyTests(Backend.Mongo);
