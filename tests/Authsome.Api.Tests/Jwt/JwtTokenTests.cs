using System.Net;
using System.Text.Json.Nodes;
using Authsome.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Authsome.Api.Tests.Jwt;

/// <summary>JWT access tokens for an app set to <c>token_format: jwt</c>: their claims, keys, rotation and introspection.</summary>
public sealed class JwtTokenTests
{
    private static readonly Dictionary<string, string?> Issuer = new() { ["Authsome:Jwt:Issuer"] = "https://auth.example.com/v1/auth" };

    internal static async Task<Answer> IntrospectAsync(ApiClient client, string callerToken, string token, string? hint = null)
    {
        var form = new Dictionary<string, string> { ["token"] = token };
        if (hint is not null)
        {
            form["token_type_hint"] = hint;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, ApiClient.Base + "/introspect") { Content = new FormUrlEncodedContent(form) };
        return await client.SendAsync(request, callerToken);
    }

    [Fact]
    public async Task SignUp_ReturnsAnEs256JwtWithTheSessionsClaims_WhenTheAppIsSetToJwt()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, settings: Issuer);
        var appId = await host.UseJwtAsync();
        using var client = host.CreateClient();

        var session = await client.SignUpAsync();
        var jwt = new JsonWebToken(session.AccessToken);

        Assert.Equal("ES256", jwt.Alg);
        Assert.Equal("at+jwt", jwt.Typ);
        Assert.Equal(session.UserId, jwt.Subject);
        Assert.Equal(appId.ToString(), jwt.GetClaim("app").Value);
        Assert.StartsWith("ases_", jwt.GetClaim("sid").Value, StringComparison.Ordinal);
        Assert.StartsWith("aenv_", jwt.GetClaim("env").Value, StringComparison.Ordinal);
        Assert.Equal("https://auth.example.com/v1/auth", jwt.Issuer);
        Assert.NotEmpty(jwt.Id);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", session.AccessToken)).Status);
        Assert.Equal(43, session.RefreshToken.Length);
    }

    [Fact]
    public async Task SignUp_ReturnsAnOpaqueToken_WhenTheAppIsNotSetToJwt()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, settings: Issuer);
        using var client = host.CreateClient();

        var session = await client.SignUpAsync();

        Assert.Equal(43, session.AccessToken.Length);
    }

    [Fact]
    public async Task Refresh_ReturnsANewJwt_AndSignOutEndsItOnOurRoutes()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, settings: Issuer);
        await host.UseJwtAsync();
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();

        var refreshed = await client.PostAsync("/refresh", new { refresh_token = session.RefreshToken });
        var next = refreshed.Str("session_token")!;

        Assert.Equal(session.UserId, new JsonWebToken(next).Subject);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", session.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/signout", null, next)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", next)).Status);
    }

    [Fact]
    public async Task Jwks_PublishesTheSigningKeyWithCacheHeaders_AndDiscoveryNamesTheIssuer()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, settings: Issuer);
        await host.UseJwtAsync();
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();

        var jwks = await client.GetAsync("/.well-known/jwks.json");
        var discovery = await client.GetAsync("/.well-known/openid-configuration");

        Assert.Equal("public, max-age=3600", jwks.Headers.CacheControl?.ToString());
        var key = Assert.Single(JsonNode.Parse(jwks.Text)!["keys"]!.AsArray())!;
        Assert.Equal(new JsonWebToken(session.AccessToken).Kid, key["kid"]!.GetValue<string>());
        Assert.Equal("EC", key["kty"]!.GetValue<string>());
        Assert.Null(key["d"]);
        Assert.Equal("https://auth.example.com/v1/auth", discovery.Str("issuer"));
        Assert.Equal("https://auth.example.com/v1/auth/.well-known/jwks.json", discovery.Str("jwks_uri"));
    }

    [Fact]
    public async Task SigningKeys_Rotate_WithTheNextPublishedAheadAndTheOldKeptAfter()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = new Dictionary<string, string?>(Issuer)
        {
            ["Authsome:Jwt:RotationInterval"] = "01:00:00",
            ["Authsome:Jwt:PublishAhead"] = "00:10:00",
            ["Authsome:Jwt:JwksCacheMaxAge"] = "00:01:00",
            ["Authsome:Jwt:RetainAfterRetirement"] = "00:30:00",
        };
        await using var host = await ApiHost.StartAsync(Backend.Memory, settings: settings, time: time);
        await host.UseJwtAsync();
        using var client = host.CreateClient();
        var account = await client.SignUpAsync();
        var first = new JsonWebToken(account.AccessToken).Kid;

        time.Advance(TimeSpan.FromMinutes(55));
        var beforeSwitch = new JsonWebToken((await client.SignInAsync(account.Email)).AccessToken).Kid;
        var published = await KidsAsync(client);
        time.Advance(TimeSpan.FromMinutes(6));
        var afterSwitch = new JsonWebToken((await client.SignInAsync(account.Email)).AccessToken).Kid;
        var overlap = await KidsAsync(client);
        time.Advance(TimeSpan.FromMinutes(31));
        var later = await KidsAsync(client);

        Assert.Equal(first, beforeSwitch);
        Assert.Equal(2, published.Count);
        Assert.NotEqual(first, afterSwitch);
        Assert.Contains(afterSwitch, published);
        Assert.Equal(published, overlap);
        Assert.DoesNotContain(first, later);
        Assert.Contains(afterSwitch, later);
    }

    [Fact]
    public async Task Introspect_ReportsAJwtActive_UntilItExpires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = new Dictionary<string, string?>(Issuer) { ["Authsome:Sessions:AccessTokenTtl"] = "00:05:00" };
        await using var host = await ApiHost.StartAsync(Backend.Memory, settings: settings, time: time);
        await host.UseJwtAsync();
        using var client = host.CreateClient();
        var admin = await client.SignUpAsync();
        await host.GrantRoleAsync(admin.UserId, "admin");
        var user = await client.SignUpAsync();

        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var admin2 = await client.SignInAsync(admin.Email);
        var active = await IntrospectAsync(client, admin2.AccessToken, user.AccessToken);
        time.Advance(TimeSpan.FromSeconds(1));
        var expired = await IntrospectAsync(client, admin2.AccessToken, user.AccessToken);

        Assert.Equal(HttpStatusCode.OK, active.Status);
        Assert.True(active.Json!["active"]!.GetValue<bool>());
        Assert.Equal(user.UserId, active.Str("sub"));
        Assert.Equal("access_token", active.Str("token_type"));
        Assert.Equal("https://auth.example.com/v1/auth", active.Str("iss"));
        Assert.Equal("{\"active\":false}", expired.Text);
    }

    [Fact]
    public async Task Introspect_CoversOpaqueAndRefreshTokens_UntilTheSessionEnds()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, settings: Issuer);
        using var client = host.CreateClient();
        var admin = await client.SignUpAsync();
        await host.GrantRoleAsync(admin.UserId, "admin");
        var user = await client.SignUpAsync();

        var access = await IntrospectAsync(client, admin.AccessToken, user.AccessToken);
        var refresh = await IntrospectAsync(client, admin.AccessToken, user.RefreshToken, "refresh_token");
        await client.PostAsync("/signout", null, user.AccessToken);
        var after = await IntrospectAsync(client, admin.AccessToken, user.AccessToken);
        var junk = await IntrospectAsync(client, admin.AccessToken, "junk");

        Assert.Equal("access_token", access.Str("token_type"));
        Assert.Equal(user.UserId, access.Str("sub"));
        Assert.Equal("refresh_token", refresh.Str("token_type"));
        Assert.Equal("{\"active\":false}", after.Text);
        Assert.Equal("{\"active\":false}", junk.Text);
    }

    [Fact]
    public async Task Introspect_IsRefused_WithoutTheRole()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, settings: Issuer);
        using var client = host.CreateClient();
        var caller = await client.SignUpAsync();

        var refused = await IntrospectAsync(client, caller.AccessToken, caller.AccessToken);
        using var anonymous = new HttpRequestMessage(HttpMethod.Post, ApiClient.Base + "/introspect") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = caller.AccessToken }) };
        var unauthenticated = await client.SendAsync(anonymous, null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.Status);
    }

    [Fact]
    public async Task Introspect_AcceptsAnApiKeyWithTheIntrospectScope_AndNoOtherKey()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, settings: Issuer);
        using var client = host.CreateClient();
        var owner = await client.SignUpAsync();
        var user = await client.SignUpAsync();
        var scoped = (await client.PostAsync("/keys", new { name = "resource server", scopes = new[] { "introspect" } }, owner.AccessToken)).Str("secret")!;
        var otherScope = (await client.PostAsync("/keys", new { name = "reader", scopes = new[] { "users:read" } }, owner.AccessToken)).Str("secret")!;
        var unscoped = (await client.PostAsync("/keys", new { name = "everything", scopes = Array.Empty<string>() }, owner.AccessToken)).Str("secret")!;

        var withScope = await IntrospectAsync(client, scoped, user.AccessToken);
        var withOtherScope = await IntrospectAsync(client, otherScope, user.AccessToken);
        var withoutScopes = await IntrospectAsync(client, unscoped, user.AccessToken);
        using var anonymous = new HttpRequestMessage(HttpMethod.Post, ApiClient.Base + "/introspect") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = user.AccessToken }) };
        var unauthenticated = await client.SendAsync(anonymous, null);

        Assert.Equal(HttpStatusCode.OK, withScope.Status);
        Assert.True(withScope.Json!["active"]!.GetValue<bool>());
        Assert.Equal(user.UserId, withScope.Str("sub"));
        Assert.Equal(HttpStatusCode.Forbidden, withOtherScope.Status);
        Assert.Equal("forbidden", withOtherScope.Code);
        // A key without scopes may do what its owner may, and this owner holds no introspection role.
        Assert.Equal(HttpStatusCode.Forbidden, withoutScopes.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.Status);
    }

    [Fact]
    public async Task Introspect_AcceptsAServiceAccountsKeyWithTheScope_AndARoleHoldersUnscopedKey()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, settings: Issuer);
        using var client = host.CreateClient();
        var admin = await client.SignUpAsync();
        await host.GrantRoleAsync(admin.UserId, "admin");
        await Administrators.GrantAsync(host, admin.UserId, "service_accounts");
        var user = await client.SignUpAsync();
        var account = (await client.PostAsync("/admin/service-accounts", new { name = "orders-api" }, admin.AccessToken)).Str("id")!;
        var machine = (await client.PostAsync($"/admin/service-accounts/{account}/keys", new { name = "introspection", scopes = new[] { "introspect" } }, admin.AccessToken)).Str("secret")!;
        var machineWithout = (await client.PostAsync($"/admin/service-accounts/{account}/keys", new { name = "other", scopes = new[] { "orders:read" } }, admin.AccessToken)).Str("secret")!;
        var adminsKey = (await client.PostAsync("/keys", new { name = "admin's" }, admin.AccessToken)).Str("secret")!;
        var adminsNarrowKey = (await client.PostAsync("/keys", new { name = "admin's narrow", scopes = new[] { "users:read" } }, admin.AccessToken)).Str("secret")!;

        Assert.Equal(user.UserId, (await IntrospectAsync(client, machine, user.AccessToken)).Str("sub"));
        Assert.Equal(HttpStatusCode.Forbidden, (await IntrospectAsync(client, machineWithout, user.AccessToken)).Status);
        Assert.Equal(user.UserId, (await IntrospectAsync(client, adminsKey, user.AccessToken)).Str("sub"));
        Assert.Equal(HttpStatusCode.Forbidden, (await IntrospectAsync(client, adminsNarrowKey, user.AccessToken)).Status);
    }

    [Fact]
    public async Task AddJwtBearer_AcceptsOurJwtAndNothingElse_InAPlainApp()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, kestrel: true);
        await host.UseJwtAsync();
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        var issuer = new JsonWebToken(session.AccessToken).Issuer;
        await using var resourceServer = await ResourceServer.StartAsync(issuer);

        var accepted = await resourceServer.GetOrdersAsync(session.AccessToken);
        var tampered = await resourceServer.GetOrdersAsync(Tamper(session.AccessToken));
        var opaque = await resourceServer.GetOrdersAsync(new string('a', 43));

        Assert.Equal(new Uri(host.BaseAddress!, ApiClient.Base).ToString(), issuer);
        Assert.Equal((HttpStatusCode.OK, session.UserId), accepted);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, opaque.Status);
    }

    private static async Task<List<string>> KidsAsync(ApiClient client) =>
        [.. JsonNode.Parse((await client.GetAsync("/.well-known/jwks.json")).Text)!["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

    /// <summary>The same token with another subject in its payload: the signature no longer matches.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["sub"] = "ausr_someone_else";
        parts[1] = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return string.Join('.', parts);
    }
}
