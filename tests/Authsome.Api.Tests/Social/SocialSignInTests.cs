using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Social;

/// <summary>One OpenID Connect provider (OpenIddict) for the tests of a class.</summary>
public sealed class ProviderFixture : IAsyncLifetime
{
    private TestOidcProvider? provider;

    public TestOidcProvider Provider => provider ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => provider = await TestOidcProvider.StartAsync("http://localhost" + ApiClient.Base + "/social/test/callback");

    public async ValueTask DisposeAsync()
    {
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }
    }
}

/// <summary>Social sign-in against a real OpenID Connect provider: the code + PKCE flow, linking, and the attacks.</summary>
public sealed class SocialSignInTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private TestOidcProvider Provider => fixture.Provider;

    private async Task<ApiHost> StartHostAsync(params (string Key, string? Value)[] extra)
    {
        Provider.Misbehave = Misbehaviour.None;
        var settings = new Dictionary<string, string?>
        {
            ["Authsome:Social:Providers:test:Authority"] = Provider.Issuer.AbsoluteUri,
            ["Authsome:Social:Providers:test:ClientId"] = TestOidcProvider.ClientId,
            ["Authsome:Social:Providers:test:ClientSecret"] = TestOidcProvider.ClientSecret,
            ["Authsome:Social:Providers:test:RequireHttpsMetadata"] = "false",
            ["Authsome:Social:AllowedRedirectUris:0"] = SocialBrowser.AppRedirect,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return await ApiHost.StartAsync(Backend.Memory, settings: settings);
    }

    private void NextUser(string? email, bool verified = true) =>
        Provider.User = new ProviderUser("sub-" + Guid.NewGuid().ToString("N"), email, verified, "Ada Lovelace");

    [Fact]
    public async Task Flow_SignsUpANewcomer_WithTokensOnlyFromTheExchange()
    {
        await using var host = await StartHostAsync();
        using var api = host.CreateClient();
        using var browser = new SocialBrowser(api);
        var email = ApiClient.NewEmail("social");
        NextUser(email);

        var authorizationUrl = await browser.StartAsync();
        var landing = await browser.CompleteAsync(authorizationUrl);
        var exchanged = await api.PostAsync("/social/exchange", new { code = landing["code"] });

        Assert.Contains("code_challenge_method=S256", authorizationUrl.Query, StringComparison.Ordinal);
        Assert.Contains("nonce=", authorizationUrl.Query, StringComparison.Ordinal);
        Assert.Equal(["code"], landing.Keys);
        Assert.Equal(HttpStatusCode.OK, exchanged.Status);
        var me = await api.GetAsync("/me", exchanged.Str("session_token"));
        Assert.Equal(email, me.Json!["email"]!.GetValue<string>());
        Assert.True(me.Json["email_verified"]!.GetValue<bool>());
        var accounts = await api.GetAsync("/me/accounts", exchanged.Str("session_token"));
        Assert.Equal("test", Assert.Single(accounts.Json!.AsArray())!["provider"]!.GetValue<string>());
    }

    [Fact]
    public async Task Flow_LinksTheExistingAccount_WhenTheProviderVouchesForItsEmail()
    {
        await using var host = await StartHostAsync();
        using var api = host.CreateClient();
        using var browser = new SocialBrowser(api);
        var existing = await api.SignUpAsync();
        NextUser(existing.Email);

        var landing = await browser.CompleteAsync(await browser.StartAsync());
        var exchanged = await api.PostAsync("/social/exchange", new { code = landing["code"] });

        Assert.Equal(existing.UserId, exchanged.Json!["user"]!["id"]!.GetValue<string>());
        Assert.Single((await api.GetAsync("/me/accounts", existing.AccessToken)).Json!.AsArray());
    }

    [Fact]
    public async Task Flow_NeitherLinksNorSignsIn_WhenTheEmailOfAnExistingAccountIsUnverified()
    {
        await using var host = await StartHostAsync();
        using var api = host.CreateClient();
        using var browser = new SocialBrowser(api);
        var existing = await api.SignUpAsync();
        NextUser(existing.Email, verified: false);

        var landing = await browser.CompleteAsync(await browser.StartAsync());

        Assert.Equal(new Dictionary<string, string> { ["error"] = "email_unverified" }, landing);
        Assert.Empty((await api.GetAsync("/me/accounts", existing.AccessToken)).Json!.AsArray());
    }

    [Fact]
    public async Task Link_LinksTheSignedInUser_ThenTheProviderSignsThemIn()
    {
        await using var host = await StartHostAsync();
        using var api = host.CreateClient();
        using var browser = new SocialBrowser(api);
        var existing = await api.SignUpAsync();
        NextUser("elsewhere-" + existing.Email, verified: false);

        var linked = await browser.CompleteAsync(await browser.StartLinkAsync(existing.AccessToken));
        var landing = await browser.CompleteAsync(await browser.StartAsync());
        var exchanged = await api.PostAsync("/social/exchange", new { code = landing["code"] });

        Assert.Equal(new Dictionary<string, string> { ["linked"] = "test" }, linked);
        Assert.Equal(existing.UserId, exchanged.Json!["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Callback_IsRefused_WhenTheStateIsAnotherBrowsers()
    {
        await using var host = await StartHostAsync();
        using var api = host.CreateClient();
        using var browser = new SocialBrowser(api);
        NextUser(ApiClient.NewEmail());
        await browser.StartAsync();
        var callback = await browser.AtProviderAsync(await browser.StartAsync());

        // The callback carries the second flow's state, but the browser keeps only the first flow's cookie.
        using var other = new SocialBrowser(api);
        await other.StartAsync();
        browser.Cookie = other.Cookie;
        var answer = await browser.CallbackAsync(callback);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("social_state_invalid", answer.Code);
    }

    [Fact]
    public async Task Callback_IsRefused_WithoutTheBrowsersCookie()
    {
        await using var host = await StartHostAsync();
        using var api = host.CreateClient();
        using var browser = new SocialBrowser(api);
        NextUser(ApiClient.NewEmail());
        var callback = await browser.AtProviderAsync(await browser.StartAsync());
        browser.Cookie = null;

        var answer = await browser.CallbackAsync(callback);

        Assert.Equal("social_state_invalid", answer.Code);
    }

    [Fact]
    public async Task Callback_IsRefused_WhenTheStateIsReplayed()
    {
        await using var host = await StartHostAsync();
        using var api = host.CreateClient();
        using var browser = new SocialBrowser(api);
        NextUser(ApiClient.NewEmail());
        var callback = await browser.AtProviderAsync(await browser.StartAsync());

        var first = await browser.CallbackAsync(callback);
        var replay = await browser.CallbackAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal("social_state_invalid", replay.Code);
    }

    [Theory]
    [InlineData(Misbehaviour.WrongNonce)]
    [InlineData(Misbehaviour.WrongAudience)]
    [InlineData(Misbehaviour.Expired)]
    public async Task Callback_SignsNobodyIn_WhenTheIdTokenDoesNotValidate(Misbehaviour misbehaviour)
    {
        await using var host = await StartHostAsync();
        using var api = host.CreateClient();
        using var browser = new SocialBrowser(api);
        var email = ApiClient.NewEmail();
        NextUser(email);
        var authorizationUrl = await browser.StartAsync();
        Provider.Misbehave = misbehaviour;

        var landing = await browser.CompleteAsync(authorizationUrl);

        Assert.Equal(new Dictionary<string, string> { ["error"] = "identity_invalid" }, landing);
        var app = (await host.Store.Apps.GetPlatformAsync(TestContext.Current.CancellationToken))!;
        var env = (await host.Store.Environments.GetDefaultAsync(app.Id, TestContext.Current.CancellationToken))!;
        Assert.Null(await host.Store.Users.GetByEmailAsync(app.Id, env.Id, email, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Start_IsRefused_WhenTheRedirectUriIsNotAllowed()
    {
        await using var host = await StartHostAsync();
        using var api = host.CreateClient();

        var answer = await api.GetAsync($"/social/test?redirect_uri={Uri.EscapeDataString("https://evil.example.com/signed-in")}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("validation_failed", answer.Code);
    }

    [Fact]
    public async Task Exchange_IsRefused_WhenTheCodeWasUsed()
    {
        await using var host = await StartHostAsync();
        using var api = host.CreateClient();
        using var browser = new SocialBrowser(api);
        NextUser(ApiClient.NewEmail());
        var landing = await browser.CompleteAsync(await browser.StartAsync());

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/social/exchange", new { code = landing["code"] })).Status);
        Assert.Equal("verification_invalid", (await api.PostAsync("/social/exchange", new { code = landing["code"] })).Code);
    }

    [Fact]
    public async Task Unlink_IsRefused_ForTheLastWayToSignIn()
    {
        await using var host = await StartHostAsync();
        using var api = host.CreateClient();
        using var browser = new SocialBrowser(api);
        NextUser(ApiClient.NewEmail());
        var landing = await browser.CompleteAsync(await browser.StartAsync());
        var token = (await api.PostAsync("/social/exchange", new { code = landing["code"] })).Str("session_token")!;
        var only = (await api.GetAsync("/me/accounts", token)).Json!.AsArray()[0]!["id"]!.GetValue<string>();

        var refused = await api.DeleteAsync($"/me/accounts/{only}", token);
        NextUser("second-" + ApiClient.NewEmail(), verified: false);
        await browser.CompleteAsync(await browser.StartLinkAsync(token));
        var unlinked = await api.DeleteAsync($"/me/accounts/{only}", token);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("last_sign_in_method", refused.Code);
        Assert.Equal(HttpStatusCode.NoContent, unlinked.Status);
        Assert.Single((await api.GetAsync("/me/accounts", token)).Json!.AsArray());
    }

    [Fact]
    public async Task Start_IsNotFound_ForAnUnknownProvider()
    {
        await using var host = await StartHostAsync();
        using var api = host.CreateClient();

        var answer = await api.GetAsync($"/social/nope?redirect_uri={Uri.EscapeDataString(SocialBrowser.AppRedirect)}");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("social_provider_unknown", answer.Code);
    }
}
