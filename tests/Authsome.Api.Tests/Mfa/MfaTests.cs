using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Apps;
using Authsome.Plugins.Password;
using Authsome.Sessions;
using Authsome.Plugins.Mfa.Store;
using Authsome.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Authsome.Api.Tests.Mfa;

public abstract class MfaTests(Backend backend)
{
    // Mid-step, so that moving by whole steps never lands on a boundary.
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 15, TimeSpan.Zero);

    [Fact]
    public async Task EnrollSignOutSignInAndChallengeIssueTokens_AndARecoveryCodeWorksOnce()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await ApiHost.StartAsync(backend, time: time);
        using var client = host.CreateClient();
        var account = await client.SignUpAsync();

        var (secret, recoveryCodes) = await EnableTotpAsync(client, account, time);
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/signout", null, account.AccessToken)).Status);

        time.Advance(TimeSpan.FromSeconds(30));
        var signIn = await client.PostAsync("/signin", new { email = account.Email, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.Status);
        Assert.True(signIn.Json!["mfa_required"]!.GetValue<bool>());
        Assert.Null(signIn.Json["session_token"]);
        Assert.Null(signIn.Json["user"]);
        Assert.Equal(["totp", "recovery_code"], signIn.Json["methods"]!.AsArray().Select(m => m!.GetValue<string>()));

        var challenge = await client.PostAsync("/mfa/challenge", new { mfa_ticket = signIn.Str("mfa_ticket"), code = Rfc6238.Code(secret, time.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, challenge.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", challenge.Str("session_token"))).Status);

        var withRecovery = await SignInHeldBackAsync(client, account.Email);
        var recovered = await client.PostAsync("/mfa/challenge", new { mfa_ticket = withRecovery, recovery_code = recoveryCodes[0].ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
        Assert.Equal(9, (await client.GetAsync("/mfa", recovered.Str("session_token"))).Json!["recovery_codes_left"]!.GetValue<int>());

        var again = await client.PostAsync("/mfa/challenge", new { mfa_ticket = await SignInHeldBackAsync(client, account.Email), recovery_code = recoveryCodes[0] });
        Assert.Equal("mfa_code_invalid", again.Code);
    }

    [Fact]
    public async Task ACodeIsAcceptedOncePerStep_WithinOneStepOfDrift()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await ApiHost.StartAsync(backend, time: time);
        using var client = host.CreateClient();
        var account = await client.SignUpAsync();
        var (secret, _) = await EnableTotpAsync(client, account, time);

        time.Advance(TimeSpan.FromSeconds(60));
        var ticket = await SignInHeldBackAsync(client, account.Email);
        Assert.Equal("mfa_code_invalid", (await client.PostAsync("/mfa/challenge", new { mfa_ticket = ticket, code = Rfc6238.Code(secret, time.GetUtcNow().AddSeconds(-60)) })).Code);
        Assert.Equal("mfa_code_invalid", (await client.PostAsync("/mfa/challenge", new { mfa_ticket = ticket, code = Rfc6238.Code(secret, time.GetUtcNow().AddSeconds(60)) })).Code);
        var previousStep = Rfc6238.Code(secret, time.GetUtcNow().AddSeconds(-30));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/mfa/challenge", new { mfa_ticket = ticket, code = previousStep })).Status);

        // The same code again, or any code of an earlier step, is a replay.
        Assert.Equal("mfa_code_invalid", (await client.PostAsync("/mfa/challenge", new { mfa_ticket = await SignInHeldBackAsync(client, account.Email), code = previousStep })).Code);
        var nextStep = Rfc6238.Code(secret, time.GetUtcNow().AddSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/mfa/challenge", new { mfa_ticket = await SignInHeldBackAsync(client, account.Email), code = nextStep })).Status);
        Assert.Equal("mfa_code_invalid", (await client.PostAsync("/mfa/challenge", new { mfa_ticket = await SignInHeldBackAsync(client, account.Email), code = Rfc6238.Code(secret, time.GetUtcNow()) })).Code);
    }

    [Fact]
    public async Task ATicketIsSingleUse_DiesAfterFiveWrongCodes_AndExpiresAfterFiveMinutes()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await ApiHost.StartAsync(backend, time: time);
        using var client = host.CreateClient();
        var account = await client.SignUpAsync();
        var (secret, recoveryCodes) = await EnableTotpAsync(client, account, time);

        time.Advance(TimeSpan.FromSeconds(30));
        var used = await SignInHeldBackAsync(client, account.Email);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/mfa/challenge", new { mfa_ticket = used, recovery_code = recoveryCodes[0] })).Status);
        Assert.Equal("mfa_ticket_invalid", (await client.PostAsync("/mfa/challenge", new { mfa_ticket = used, recovery_code = recoveryCodes[1] })).Code);

        var tried = await SignInHeldBackAsync(client, account.Email);
        for (var i = 4; i >= 0; i--)
        {
            var wrong = await client.PostAsync("/mfa/challenge", new { mfa_ticket = tried, code = "000000" });
            Assert.Equal("mfa_code_invalid", wrong.Code);
            Assert.Equal(i, wrong.Json!["attempts_left"]!.GetValue<int>());
        }

        Assert.Equal("mfa_ticket_invalid", (await client.PostAsync("/mfa/challenge", new { mfa_ticket = tried, code = Rfc6238.Code(secret, time.GetUtcNow()) })).Code);

        // Five wrong codes locked the account (failed challenges count towards lockout); let that lockout pass.
        time.Advance(TimeSpan.FromMinutes(16));
        var late = await SignInHeldBackAsync(client, account.Email);
        var onTime = await SignInHeldBackAsync(client, account.Email);
        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/mfa/challenge", new { mfa_ticket = onTime, code = Rfc6238.Code(secret, time.GetUtcNow()) })).Status);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("mfa_ticket_invalid", (await client.PostAsync("/mfa/challenge", new { mfa_ticket = late, recovery_code = recoveryCodes[1] })).Code);
    }

    [Fact]
    public async Task FailedChallengesCountTowardsLockout()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await ApiHost.StartAsync(backend, time: time);
        using var client = host.CreateClient();
        var account = await client.SignUpAsync();
        var (secret, _) = await EnableTotpAsync(client, account, time);

        time.Advance(TimeSpan.FromSeconds(30));
        var ticket = await SignInHeldBackAsync(client, account.Email);
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsync("/mfa/challenge", new { mfa_ticket = ticket, code = "123456" == Rfc6238.Code(secret, time.GetUtcNow()) ? "654321" : "123456" });
        }

        // Locked now: even the right password is refused.
        Assert.Equal("account_locked", (await client.PostAsync("/signin", new { email = account.Email, password = ApiClient.Password })).Code);
    }

    [Fact]
    public async Task AnAppThatRequiresMfaGivesAnEnrollmentOnlyTicket_ThatFinishesTheSignInOnConfirmation()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await ApiHost.StartAsync(backend, time: time);
        using var client = host.CreateClient();
        var account = await client.SignUpAsync();
        var app = await host.Store.Apps.GetPlatformAsync(TestContext.Current.CancellationToken);
        await host.Store.AppClientConfigs.SetAsync(new AppClientConfig
        {
            Id = Id<AppClientConfig>.New(),
            AppId = app!.Id,
            MfaRequired = true,
            CreatedAt = time.GetUtcNow(),
            UpdatedAt = time.GetUtcNow(),
        }, TestContext.Current.CancellationToken);
        // Written to the store directly, past the admin API that would drop the cached config: drop it here.
        host.Services.GetRequiredService<AppConfigCache>().Invalidate(app.Id);

        var signIn = await client.PostAsync("/signin", new { email = account.Email, password = ApiClient.Password });
        Assert.True(signIn.Json!["mfa_enrollment_required"]!.GetValue<bool>());
        Assert.Null(signIn.Json["session_token"]);
        var ticket = signIn.Str("mfa_ticket");
        Assert.Equal("mfa_ticket_invalid", (await client.PostAsync("/mfa/challenge", new { mfa_ticket = ticket, code = "123456" })).Code);

        var enrollment = await client.PostAsync("/mfa/totp/enroll", new { mfa_ticket = ticket });
        Assert.Equal(HttpStatusCode.OK, enrollment.Status);
        var confirmed = await client.PostAsync("/mfa/totp/confirm", new { mfa_ticket = ticket, code = Rfc6238.Code(enrollment.Str("secret")!, time.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Equal(10, confirmed.Json!["recovery_codes"]!.AsArray().Count);
        var token = confirmed.Json["sign_in"]!["session_token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", token)).Status);
        Assert.Equal("mfa_ticket_invalid", (await client.PostAsync("/mfa/totp/enroll", new { mfa_ticket = ticket })).Code);
    }

    [Fact]
    public async Task EnrollmentNeedsThePassword_TheSecretIsSealedAtRest_AndDisablingNeedsACode()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await ApiHost.StartAsync(backend, time: time);
        using var client = host.CreateClient();
        var account = await client.SignUpAsync();
        Assert.Equal("current_password_invalid", (await client.PostAsync("/mfa/totp/enroll", new { password = "Wrong-Password-1" }, account.AccessToken)).Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/mfa/totp/enroll", new { password = ApiClient.Password })).Status);

        var (secret, recoveryCodes) = await EnableTotpAsync(client, account, time);
        var stored = await host.Services.GetRequiredService<IMfaStore>().GetTotpAsync(Id<User>.Parse(account.UserId), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(secret, stored!.ProtectedSecret, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("mfa_already_enabled", (await client.PostAsync("/mfa/totp/enroll", new { password = ApiClient.Password }, account.AccessToken)).Code);

        var regenerated = await client.PostAsync("/mfa/recovery-codes", new { recovery_code = recoveryCodes[0] }, account.AccessToken);
        Assert.Equal(HttpStatusCode.OK, regenerated.Status);
        Assert.Equal("mfa_code_invalid", (await client.SendAsync(HttpMethod.Delete, "/mfa/totp", new { recovery_code = recoveryCodes[1] }, account.AccessToken)).Code);
        Assert.Equal("mfa_code_invalid", (await client.SendAsync(HttpMethod.Delete, "/mfa/totp", new { code = "000000" }, account.AccessToken)).Code);
        time.Advance(TimeSpan.FromSeconds(30));
        var disabled = await client.SendAsync(HttpMethod.Delete, "/mfa/totp", new { code = Rfc6238.Code(secret, time.GetUtcNow()) }, account.AccessToken);
        Assert.True(disabled.Status == HttpStatusCode.NoContent, disabled.Json?.ToJsonString());
        Assert.False((await client.GetAsync("/mfa", account.AccessToken)).Json!["totp_enabled"]!.GetValue<bool>());
        await client.SignInAsync(account.Email);
    }

    [Fact]
    public async Task CodeSignInsOfAUserWithMfaAreHeldBack_UnlessTheMethodIsMultiFactor()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await ApiHost.StartAsync(backend, time: time);
        using var client = host.CreateClient();
        var account = await client.SignUpAsync();
        var (secret, _) = await EnableTotpAsync(client, account, time);
        var ct = TestContext.Current.CancellationToken;
        var engine = host.Services.GetRequiredService<IAuthsomeEngine>();
        var user = await engine.GetUserAsync(Id<User>.Parse(account.UserId), ct);

        var held = await engine.SignInAsync(user!, "magic_link", ClientInfo.None, ct);
        Assert.Equal("sign_in_pending", held.Failure?.Code);
        Assert.Equal(true, held.Failure!.Extensions["mfa_required"]);
        var viaPassword = await host.Services.GetRequiredService<IPasswordAuthentication>().SignInAsync(PasswordSignIn.WithEmail(account.Email, ApiClient.Password), ClientInfo.None, ct);
        Assert.Equal("sign_in_pending", viaPassword.Failure?.Code);

        time.Advance(TimeSpan.FromSeconds(30));
        var ticket = (string)held.Failure.Extensions["mfa_ticket"]!;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/mfa/challenge", new { mfa_ticket = ticket, code = Rfc6238.Code(secret, time.GetUtcNow()) })).Status);
        Assert.True((await engine.SignInMultiFactorAsync(user!, "passkey", ClientInfo.None, ct)).Succeeded);
    }

    [Fact]
    public async Task ThePeriodicPurgeDeletesExpiredTickets()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await ApiHost.StartAsync(backend, time: time, settings: new Dictionary<string, string?> { ["Authsome:PurgeInterval"] = "00:10:00" });
        using var client = host.CreateClient();
        var account = await client.SignUpAsync();
        await EnableTotpAsync(client, account, time);
        var hash = SecretHash.Of(await SignInHeldBackAsync(client, account.Email));
        var store = host.Services.GetRequiredService<IMfaStore>();
        Assert.NotNull(await store.GetTicketAsync(hash, TestContext.Current.CancellationToken));

        time.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 800 && await store.GetTicketAsync(hash, TestContext.Current.CancellationToken) is not null; i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.Null(await store.GetTicketAsync(hash, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ATrustedDeviceSkipsTheChallengeForTheConfiguredDays_UntilItsTrustIsWithdrawn()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await ApiHost.StartAsync(backend, time: time);
        using var client = DeviceClient(host, Guid.NewGuid().ToString("N"));
        var account = await client.SignUpAsync();
        var (secret, _) = await EnableTotpAsync(client, account, time);
        time.Advance(TimeSpan.FromSeconds(30));

        var trusting = await client.PostAsync("/mfa/challenge", new { mfa_ticket = await SignInHeldBackAsync(client, account.Email), code = Rfc6238.Code(secret, time.GetUtcNow()), trust_device = true });
        Assert.Equal(HttpStatusCode.OK, trusting.Status);
        var device = (await client.GetAsync("/devices", trusting.Str("session_token"))).Json!.AsArray().Single(d => d!["current"]!.GetValue<bool>())!;
        Assert.True(device["trusted"]!.GetValue<bool>());

        // Only this device skips; another one, or one whose id is too short to be a secret, is asked as before.
        await SignInWithoutChallengeAsync(client, account.Email);
        using var other = DeviceClient(host, Guid.NewGuid().ToString("N"));
        await SignInHeldBackAsync(other, account.Email);
        using var weak = DeviceClient(host, "my-phone");
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await weak.PostAsync("/mfa/challenge", new { mfa_ticket = await SignInHeldBackAsync(weak, account.Email), code = Rfc6238.Code(secret, time.GetUtcNow()), trust_device = true })).Status);
        await SignInHeldBackAsync(weak, account.Email);

        // The skip lasts 30 days from when the device was trusted, to the second.
        time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(31));
        await SignInWithoutChallengeAsync(client, account.Email);
        time.Advance(TimeSpan.FromSeconds(1));
        await SignInHeldBackAsync(client, account.Email);

        // Trusted again, then withdrawn: asked again at once.
        time.Advance(TimeSpan.FromSeconds(30));
        var again = await client.PostAsync("/mfa/challenge", new { mfa_ticket = await SignInHeldBackAsync(client, account.Email), code = Rfc6238.Code(secret, time.GetUtcNow()), trust_device = true });
        await SignInWithoutChallengeAsync(client, account.Email);
        var withdrawn = await client.SendAsync(HttpMethod.Delete, $"/devices/{device["id"]!.GetValue<string>()}/trust", null, again.Str("session_token"));
        Assert.Equal(HttpStatusCode.OK, withdrawn.Status);
        Assert.False(withdrawn.Json!["trusted"]!.GetValue<bool>());
        await SignInHeldBackAsync(client, account.Email);
    }

    [Fact]
    public async Task NoDeviceSkipsTheChallenge_WhenTrustedDeviceDaysIsZero()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await ApiHost.StartAsync(backend, settings: new Dictionary<string, string?> { ["Authsome:Mfa:TrustedDeviceDays"] = "0" }, time: time);
        using var client = DeviceClient(host, Guid.NewGuid().ToString("N"));
        var account = await client.SignUpAsync();
        var (secret, _) = await EnableTotpAsync(client, account, time);
        time.Advance(TimeSpan.FromSeconds(30));

        var challenged = await client.PostAsync("/mfa/challenge", new { mfa_ticket = await SignInHeldBackAsync(client, account.Email), code = Rfc6238.Code(secret, time.GetUtcNow()), trust_device = true });

        Assert.Equal(HttpStatusCode.OK, challenged.Status);
        Assert.False((await client.GetAsync("/devices", challenged.Str("session_token"))).Json!.AsArray().Single(d => d!["current"]!.GetValue<bool>())!["trusted"]!.GetValue<bool>());
        await SignInHeldBackAsync(client, account.Email);
    }

    private static async Task SignInWithoutChallengeAsync(ApiClient client, string email)
    {
        var answer = await client.PostAsync("/signin", new { email, password = ApiClient.Password });
        Assert.True(answer.Status == HttpStatusCode.OK && answer.Json?["mfa_required"] is null && answer.Str("session_token") is { Length: > 0 }, answer.Text);
    }

    private static ApiClient DeviceClient(ApiHost host, string deviceId)
    {
        var client = host.CreateClient();
        client.Http.DefaultRequestHeaders.Add("X-Device-Id", deviceId);
        return client;
    }

    private static async Task<(string Secret, IReadOnlyList<string> RecoveryCodes)> EnableTotpAsync(ApiClient client, SignedIn account, FakeTimeProvider time)
    {
        var enrollment = await client.PostAsync("/mfa/totp/enroll", new { password = ApiClient.Password }, account.AccessToken);
        Assert.Equal(HttpStatusCode.OK, enrollment.Status);
        var secret = enrollment.Str("secret")!;
        Assert.StartsWith("otpauth://totp/", enrollment.Str("otpauth_uri"), StringComparison.Ordinal);
        Assert.StartsWith("<svg", enrollment.Str("qr_svg")!.TrimStart(), StringComparison.Ordinal);

        var confirmed = await client.PostAsync("/mfa/totp/confirm", new { code = Rfc6238.Code(secret, time.GetUtcNow()) }, account.AccessToken);
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        return (secret, [.. confirmed.Json!["recovery_codes"]!.AsArray().Select(c => c!.GetValue<string>())]);
    }

    private static async Task<string> SignInHeldBackAsync(ApiClient client, string email)
    {
        var answer = await client.PostAsync("/signin", new { email, password = ApiClient.Password });
        Assert.True(answer.Json?["mfa_required"]?.GetValue<bool>() == true, answer.Text);
        return answer.Str("mfa_ticket")!;
    }
}

public sealed class MfaTestsOnMemory() : MfaTests(Backend.Memory);

public sealed class MfaTestsOnSqlite() : MfaTests(Backend.Sqlite);

public sealed class MfaTestsOnPostgres() : MfaTests(Backend.Postgres);

public sealed class MfaTestsOnMongo() : MfaTests(Backend.Mongo);
