using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Accounts;

public abstract class MeTests(HostFixture fixture)
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task GetMeNeedsASession()
    {
        using var client = Host.CreateClient();

        var none = await client.GetAsync("/me");
        var junk = await client.GetAsync("/me", "not-a-token");
        var unknown = await client.GetAsync("/me", new string('a', 43));

        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
        Assert.Equal("unauthenticated", none.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, junk.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Contains("invalid_token", unknown.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchMeChangesTheProfile()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();
        var username = "Nova_" + Guid.NewGuid().ToString("N")[..8];

        var answer = await client.PatchAsync("/me", new { name = "Émilie du Châtelet", username, image = "https://example.com/a.png", current_password = ApiClient.Password }, session.AccessToken);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Émilie du Châtelet", answer.Str("name"));
        Assert.Equal(username, answer.Str("username"));
        var me = await client.GetAsync("/me", session.AccessToken);
        Assert.Equal("Émilie du Châtelet", me.Str("name"));
        Assert.Equal("https://example.com/a.png", me.Str("image"));
    }

    [Fact]
    public async Task PatchMeWithSomeoneElsesUsernameIsAConflictAndChangesNothing()
    {
        using var client = Host.CreateClient();
        var username = "owner_" + Guid.NewGuid().ToString("N")[..8];
        await client.SignUpAsync(username: username);
        var session = await client.SignUpAsync();
        await client.PatchAsync("/me", new { name = "Before" }, session.AccessToken);

        var answer = await client.PatchAsync("/me", new { name = "After", username, current_password = ApiClient.Password }, session.AccessToken);

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal("username_taken", answer.Code);
        Assert.Equal("Before", (await client.GetAsync("/me", session.AccessToken)).Str("name"));
    }

    [Fact]
    public async Task PatchMeRefusesInvalidValues()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();

        var badImage = await client.PatchAsync("/me", new { image = "javascript:alert(1)" }, session.AccessToken);
        var badUsername = await client.PatchAsync("/me", new { username = "no spaces allowed", current_password = ApiClient.Password }, session.AccessToken);

        Assert.Equal("validation_failed", badImage.Code);
        Assert.Equal("validation_failed", badUsername.Code);
        Assert.NotNull(badUsername.Json!["errors"]!["username"]);
    }

    [Fact]
    public async Task DeleteMeEndsTheAccountAndFreesTheEmail()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();
        var other = await client.SignInAsync(session.Email);

        var answer = await client.SendAsync(HttpMethod.Delete, "/me", new { current_password = ApiClient.Password }, session.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", session.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", other.AccessToken)).Status);
        Assert.Equal("invalid_credentials", (await client.PostAsync("/signin", new { email = session.Email, password = ApiClient.Password })).Code);
        var again = await client.SignUpAsync(session.Email);
        Assert.NotEqual(session.UserId, again.UserId);
    }
}

public sealed class MeTestsOnMemory(MemoryHost fixture) : MeTests(fixture), IClassFixture<MemoryHost>;

public sealed class MeTestsOnPostgres(PostgresHost fixture) : MeTests(fixture), IClassFixture<PostgresHost>;
