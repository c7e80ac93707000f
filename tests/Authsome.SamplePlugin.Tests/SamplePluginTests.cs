using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Authsome.Plugins.Password;
using Authsome.SamplePlugin.Plugin;
using Authsome.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.SamplePlugin.Tests;

/// <summary>
/// A plugin in its own assembly, using only the engine's public surface: its migration group is applied with core,
/// its routes are served under the engine's base path, its hooks run for every sign-in, and it signs users in through
/// <see cref="IAuthsomeEngine"/>. On every backend.
/// </summary>
public abstract class SamplePluginTests(Backend backend) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private SamplePluginHost? _host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SamplePluginHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _host = await SamplePluginHost.StartAsync(backend, Ct);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Migrate_AppliesThePluginsGroupAfterCore()
    {
        var status = await Host.Services.GetRequiredService<IAuthsomeMigrator>().GetStatusAsync(Ct);

        var group = status.Planned.Where(m => m.Group == OneTimeCodeMigrations.GroupName).ToList();
        Assert.Single(group);
        Assert.All(group, m => Assert.True(m.IsApplied));
        Assert.Empty(status.Pending);
    }

    [Fact]
    public async Task PluginRoute_SignsInThroughTheEngine_WithWorkingTokensAndHooks()
    {
        var email = NewEmail();
        var code = await RequestCodeAsync(email);

        var signIn = await Host.PostAsync("/one-time-code/sign-in", new { email, code }, Ct);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var tokens = (await signIn.Content.ReadFromJsonAsync<OneTimeCodeEndpoints.CodeSignInResponse>(Json, Ct))!;
        var me = await GetAsync("/one-time-code/me", tokens.SessionToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var seen = (await me.Content.ReadFromJsonAsync<OneTimeCodeEndpoints.SampleMeResponse>(Json, Ct))!;
        Assert.Equal(tokens.UserId, seen.UserId);
        Assert.Equal(1, seen.SignIns);
        Assert.Contains(OneTimeCodePlugin.Method, Host.Plugin.SeenMethods);

        // The engine's own routes accept the session the plugin issued.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/me", tokens.SessionToken)).StatusCode);
        var user = await Host.Engine.FindUserByEmailAsync(email, Ct);
        Assert.True(user!.EmailVerified);
        Assert.Null(user.PasswordHash);
    }

    [Fact]
    public async Task PluginRoute_AnswersInvalidCredentials_WhenTheCodeIsWrongOrUsed()
    {
        var email = NewEmail();
        var code = await RequestCodeAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync("/one-time-code/sign-in", new { email, code }, Ct)).StatusCode);

        var again = await Host.PostAsync("/one-time-code/sign-in", new { email, code }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("invalid_credentials", await CodeOfAsync(again));
    }

    [Fact]
    public async Task BeforeSignInHook_RefusesEveryMethod_WhenTheAddressIsBlocked()
    {
        var email = $"user-{Guid.NewGuid():N}@blocked.example";
        var code = await RequestCodeAsync(email);

        var byCode = await Host.PostAsync("/one-time-code/sign-in", new { email, code }, Ct);
        var user = await Host.Engine.FindUserByEmailAsync(email, Ct);
        var byEngine = await Host.Engine.SignInAsync(user!, "passkey", ClientInfo.None, Ct);
        var passwords = Host.Services.GetRequiredService<IPasswordAuthentication>();
        var other = $"other-{Guid.NewGuid():N}@blocked.example";
        (await passwords.SignUpAsync(new PasswordSignUp(other, "correct horse battery staple"), ClientInfo.None, Ct)).GetValueOrThrow();
        var byPassword = await passwords.SignInAsync(PasswordSignIn.WithEmail(other, "correct horse battery staple"), ClientInfo.None, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byCode.StatusCode);
        Assert.Equal("request_refused", await CodeOfAsync(byCode));
        Assert.Equal("request_refused", byPassword.Failure!.Code);
        Assert.False(byEngine.Succeeded);
        Assert.Equal("request_refused", byEngine.Failure.Code);
        Assert.Equal("This address may not sign in.", byEngine.Failure.Detail);
        Assert.Equal(0, await Host.Plugin.CountSignInsAsync(user!.Id, Ct));
    }

    [Fact]
    public async Task Engine_SignsUpSignsInRefreshesAndSignsOut_FromCode()
    {
        var passwords = Host.Services.GetRequiredService<IPasswordAuthentication>();
        var email = NewEmail();
        const string Password = "correct horse battery staple";
        var client = new ClientInfo("203.0.113.7", "sample-tests");

        var signedUp = (await passwords.SignUpAsync(new PasswordSignUp(email, Password) { Name = "Ada" }, client, Ct)).GetValueOrThrow();
        var wrong = await passwords.SignInAsync(PasswordSignIn.WithEmail(email, "not the password at all"), client, Ct);
        var signedIn = (await passwords.SignInAsync(PasswordSignIn.WithEmail(email, Password), client, Ct)).GetValueOrThrow();
        var found = await Host.Engine.GetSessionAsync(signedIn.Session.AccessToken, Ct);
        var refreshed = (await Host.Engine.RefreshAsync(signedIn.Session.RefreshToken, client, Ct)).GetValueOrThrow();
        var replayed = await Host.Engine.RefreshAsync(signedIn.Session.RefreshToken, client, Ct);

        Assert.Equal("Ada", signedUp.User.Name);
        Assert.NotNull(signedUp.Session);
        Assert.Equal("invalid_credentials", wrong.Failure!.Code);
        Assert.Equal(401, wrong.Failure.Error.Status);
        Assert.Equal(signedIn.User.Id, found!.User.Id);
        Assert.Equal("203.0.113.7", found.Session.IpAddress);
        Assert.Equal("sample-tests", found.Session.UserAgent);
        Assert.NotEqual(signedIn.Session.AccessToken, refreshed.AccessToken);
        Assert.Equal("token_reused", replayed.Failure!.Code);
        // Sign-up's session is not a sign-in; the password sign-in is, and its hooks ran.
        Assert.Equal(1, await Host.Plugin.CountSignInsAsync(signedIn.User.Id, Ct));
    }

    [Fact]
    public async Task Engine_UpdatesTheUserAndSignsOut_WithTypedFailures()
    {
        var email = NewEmail();
        await RequestCodeAsync(email);
        var user = (await Host.Engine.FindUserByEmailAsync(email, Ct))!;
        var signedIn = (await Host.Engine.SignInAsync(user, "passkey", ClientInfo.None, Ct)).GetValueOrThrow();

        var renamed = await Host.Engine.UpdateUserAsync(user.Id, new UserUpdate { Name = "Grace Hopper" }, Ct);
        var invalid = await Host.Engine.UpdateUserAsync(user.Id, new UserUpdate { Username = "!" }, Ct);
        var taken = await Host.Engine.CreateUserAsync(new NewUser(email, OneTimeCodePlugin.Method), Ct);
        var signedOut = await Host.Engine.SignOutAsync(signedIn.Session.Session, Ct);

        Assert.Equal("Grace Hopper", renamed.GetValueOrThrow().Name);
        Assert.Equal("validation_failed", invalid.Failure!.Code);
        Assert.Equal("email_taken", taken.Failure!.Code);
        Assert.True(signedOut.Succeeded);
        Assert.Null(await Host.Engine.GetSessionAsync(signedIn.Session.AccessToken, Ct));
    }

    [Fact]
    public async Task SubStore_KeepsWhatTheHookRecords_ForEverySignIn()
    {
        var email = NewEmail();
        await RequestCodeAsync(email);
        var user = (await Host.Engine.FindUserByEmailAsync(email, Ct))!;
        (await Host.Engine.SignInAsync(user, "passkey", ClientInfo.None, Ct)).GetValueOrThrow();
        (await Host.Engine.SignInAsync(user, "passkey", ClientInfo.None, Ct)).GetValueOrThrow();

        Assert.Equal(2, await Host.Plugin.CountSignInsAsync(user.Id, Ct));
    }

    [Fact]
    public async Task Engine_CreatesAnUnverifiedUserAndMailsAVerification_WhenThePluginDidNotProveTheAddress()
    {
        var email = NewEmail();

        var created = (await Host.Engine.CreateUserAsync(new NewUser(email, OneTimeCodePlugin.Method) { Name = "Ada" }, Ct)).GetValueOrThrow();

        Assert.False(created.EmailVerified);
        Assert.Equal(created.Id, (await Host.Engine.GetUserAsync(created.Id, Ct))!.Id);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Host.Mail.Sent.Any(m => m.To == email) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Contains(Host.Mail.Sent, m => m.To == email);
        Assert.True((await Host.Engine.UpdateUserAsync(created.Id, new UserUpdate { EmailVerified = true }, Ct)).GetValueOrThrow().EmailVerified);
    }

    private static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    private async Task<string> RequestCodeAsync(string email)
    {
        var answer = await Host.PostAsync("/one-time-code/request", new { email }, Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<string>(Ct))!;
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/auth" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Host.Client.SendAsync(request, Ct);
    }

    private static async Task<string?> CodeOfAsync(HttpResponseMessage answer) =>
        (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString();
}

public sealed class SamplePluginTestsOnMemory() : SamplePluginTests(Backend.Memory);

public sealed class SamplePluginTestsOnSqlite() : SamplePluginTests(Backend.Sqlite);

public sealed class SamplePluginTestsOnPostgres() : SamplePluginTests(Backend.Postgres);

public sealed class SamplePluginTestsOnMongo() : SamplePluginTests(Backend.Mongo);
