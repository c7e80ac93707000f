using System.Net;
using System.Text.Json.Nodes;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Api.Tests.Mfa;
using Microsoft.Extensions.Time.Testing;

namespace Authsome.Api.Tests.Passkeys;

public abstract class PasskeyTests(Backend backend)
{
    private const string Origin = "https://localhost:5443";

    [Fact]
    public async Task ARegisteredPasskeySignsInWithoutAUsername_AndSatisfiesMfa()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 15, TimeSpan.Zero));
        await using var host = await StartAsync(time: time);
        using var client = host.CreateClient();
        using var authenticator = new SoftwareAuthenticator(Origin);
        var account = await client.SignUpAsync();
        var passkey = await RegisterAsync(client, account, authenticator, "Laptop");
        Assert.Equal("Laptop", passkey.Str("name"));
        Assert.Equal(["internal"], passkey.Json!["transports"]!.AsArray().Select(t => t!.GetValue<string>()));

        var enrollment = await client.PostAsync("/mfa/totp/enroll", new { password = ApiClient.Password }, account.AccessToken);
        await client.PostAsync("/mfa/totp/confirm", new { code = Rfc6238.Code(enrollment.Str("secret")!, time.GetUtcNow()) }, account.AccessToken);
        Assert.True((await client.PostAsync("/signin", new { email = account.Email, password = ApiClient.Password })).Json!["mfa_required"]!.GetValue<bool>());

        var signedIn = await SignInAsync(client, authenticator);
        Assert.Equal(HttpStatusCode.OK, signedIn.Status);
        Assert.Equal(account.UserId, signedIn.Json!["user"]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", signedIn.Str("session_token"))).Status);
    }

    [Fact]
    public async Task ATamperedSignatureIsRefused()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();
        using var authenticator = new SoftwareAuthenticator(Origin);
        await RegisterAsync(client, await client.SignUpAsync(), authenticator);

        var options = await SignInOptionsAsync(client);
        var answer = await client.PostAsync("/passkeys/signin/verify", new { credential = authenticator.Get(options, tamper: true) });
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("passkey_verification_failed", answer.Code);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, authenticator)).Status);
    }

    [Fact]
    public async Task AnAnswerFromAnotherOriginIsRefused()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();
        using var authenticator = new SoftwareAuthenticator(Origin);
        var account = await client.SignUpAsync();

        var creation = await client.PostAsync("/passkeys/register/options", null, account.AccessToken);
        var refused = await client.PostAsync("/passkeys/register/verify", new { credential = authenticator.Create(creation.Json!, asOrigin: "https://evil.example") }, account.AccessToken);
        Assert.Equal("passkey_verification_failed", refused.Code);

        await RegisterAsync(client, account, authenticator);
        var options = await SignInOptionsAsync(client);
        Assert.Equal("passkey_verification_failed", (await client.PostAsync("/passkeys/signin/verify", new { credential = authenticator.Get(options, asOrigin: "https://localhost:6666") })).Code);
    }

    [Fact]
    public async Task AChallengeIsSingleUse_AndExpires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(time: time);
        using var client = host.CreateClient();
        using var authenticator = new SoftwareAuthenticator(Origin);
        await RegisterAsync(client, await client.SignUpAsync(), authenticator);

        var assertion = authenticator.Get(await SignInOptionsAsync(client));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/passkeys/signin/verify", new { credential = assertion })).Status);
        Assert.Equal("passkey_challenge_invalid", (await client.PostAsync("/passkeys/signin/verify", new { credential = assertion })).Code);

        var late = await SignInOptionsAsync(client);
        var onTime = await SignInOptionsAsync(client);
        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/passkeys/signin/verify", new { credential = authenticator.Get(onTime) })).Status);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("passkey_challenge_invalid", (await client.PostAsync("/passkeys/signin/verify", new { credential = authenticator.Get(late) })).Code);
    }

    [Fact]
    public async Task ASignatureCounterThatGoesBackIsRefused()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();
        using var authenticator = new SoftwareAuthenticator(Origin);
        await RegisterAsync(client, await client.SignUpAsync(), authenticator);
        authenticator.SignCount = 10;
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, authenticator)).Status);

        authenticator.SignCount = 10;
        Assert.Equal("passkey_verification_failed", (await SignInAsync(client, authenticator)).Code);
        authenticator.SignCount = 9;
        Assert.Equal("passkey_verification_failed", (await SignInAsync(client, authenticator)).Code);
        authenticator.SignCount = 11;
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, authenticator)).Status);
    }

    [Fact]
    public async Task RequiredUserVerificationRefusesAnAuthenticatorThatDidNotVerifyTheUser()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Authsome:Passkeys:UserVerification"] = "Required" });
        using var client = host.CreateClient();
        using var authenticator = new SoftwareAuthenticator(Origin);
        var account = await client.SignUpAsync();
        var creation = await client.PostAsync("/passkeys/register/options", null, account.AccessToken);
        Assert.Equal("required", creation.Json!["authenticatorSelection"]!["userVerification"]!.GetValue<string>());
        await RegisterAsync(client, account, authenticator);

        authenticator.VerifiesUser = false;
        Assert.Equal("passkey_verification_failed", (await SignInAsync(client, authenticator)).Code);
    }

    [Fact]
    public async Task ASignInBoundToAnEmailRefusesAnotherAccountsPasskey_AndAnswersAlikeForUnknownEmails()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();
        using var authenticator = new SoftwareAuthenticator(Origin);
        var owner = await client.SignUpAsync();
        var other = await client.SignUpAsync();
        await RegisterAsync(client, owner, authenticator);

        var forOther = await client.PostAsync("/passkeys/signin/options", new { email = other.Email });
        var forNobody = await client.PostAsync("/passkeys/signin/options", new { email = ApiClient.NewEmail("nobody") });
        Assert.Equal(forOther.Shape(), forNobody.Shape());
        Assert.Equal("passkey_verification_failed", (await client.PostAsync("/passkeys/signin/verify", new { credential = authenticator.Get(forOther.Json!) })).Code);

        var forOwner = await client.PostAsync("/passkeys/signin/options", new { email = owner.Email });
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/passkeys/signin/verify", new { credential = authenticator.Get(forOwner.Json!) })).Status);
    }

    [Fact]
    public async Task PasskeysCanBeListedRenamedAndDeleted_OnlyByTheirOwner()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();
        using var authenticator = new SoftwareAuthenticator(Origin);
        var owner = await client.SignUpAsync();
        var other = await client.SignUpAsync();
        var id = (await RegisterAsync(client, owner, authenticator)).Str("id")!;

        var listed = await client.GetAsync("/passkeys", owner.AccessToken);
        Assert.Equal(id, Assert.Single(listed.Json!.AsArray())!["id"]!.GetValue<string>());
        Assert.Empty((await client.GetAsync("/passkeys", other.AccessToken)).Json!.AsArray());

        Assert.Equal("not_found", (await client.PatchAsync($"/passkeys/{id}", new { name = "Stolen" }, other.AccessToken)).Code);
        Assert.Equal("not_found", (await client.DeleteAsync($"/passkeys/{id}", other.AccessToken)).Code);
        Assert.Equal("Work key", (await client.PatchAsync($"/passkeys/{id}", new { name = "Work key" }, owner.AccessToken)).Str("name"));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/passkeys/{id}", owner.AccessToken)).Status);
        Assert.Equal("passkey_verification_failed", (await SignInAsync(client, authenticator)).Code);
    }

    private Task<ApiHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, FakeTimeProvider? time = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Authsome:Passkeys:RelyingPartyId"] = "localhost",
            ["Authsome:Passkeys:Origins:0"] = Origin,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return ApiHost.StartAsync(backend, settings: all, time: time);
    }

    private static async Task<Answer> RegisterAsync(ApiClient client, SignedIn account, SoftwareAuthenticator authenticator, string? name = null)
    {
        var options = await client.PostAsync("/passkeys/register/options", null, account.AccessToken);
        Assert.Equal(HttpStatusCode.OK, options.Status);
        Assert.Equal("required", options.Json!["authenticatorSelection"]!["residentKey"]!.GetValue<string>());
        Assert.Equal("none", options.Json["attestation"]!.GetValue<string>());
        var registered = await client.PostAsync("/passkeys/register/verify", new { credential = authenticator.Create(options.Json), name }, account.AccessToken);
        Assert.True(registered.Status == HttpStatusCode.OK, registered.Text);
        return registered;
    }

    private static async Task<JsonNode> SignInOptionsAsync(ApiClient client)
    {
        var options = await client.PostAsync("/passkeys/signin/options", new { });
        Assert.True(options.Status == HttpStatusCode.OK, options.Text);
        return options.Json!;
    }

    private static async Task<Answer> SignInAsync(ApiClient client, SoftwareAuthenticator authenticator) =>
        await client.PostAsync("/passkeys/signin/verify", new { credential = authenticator.Get(await SignInOptionsAsync(client)) });
}

public sealed class PasskeyTestsOnMemory() : PasskeyTests(Backend.Memory);

public sealed class PasskeyTestsOnSqlite() : PasskeyTests(Backend.Sqlite);

public sealed class PasskeyTestsOnPostgres() : PasskeyTests(Backend.Postgres);

public sealed class PasskeyTestsOnMongo() : PasskeyTests(Backend.Mongo);
