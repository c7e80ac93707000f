using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Authsome.Api.Tests.Social;
using Authsome.Email;
using Authsome.Plugins.Password;
using Authsome.Sessions;
using Authsome.Verification;
using Authsome.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Authsome.Pages.Tests.Infrastructure;

/// <summary>
/// The real Authsome.Api host on Kestrel over https (a throw-away self-signed certificate) in the Production
/// environment, on the memory store, so a browser sees exactly what it would in production: <c>__Host-</c> cookies,
/// the CSP, verification required. Mail is captured; rate limits are lifted.
/// </summary>
public sealed class PagesHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> factory;

    private PagesHost(WebApplicationFactory<Program> factory, MailBox mail, Uri address)
    {
        this.factory = factory;
        Mail = mail;
        Address = address;
    }

    public MailBox Mail { get; }

    /// <summary>The host's origin, e.g. https://127.0.0.1:12345.</summary>
    public Uri Address { get; }

    public IAuthsomeStore Store => factory.Services.GetRequiredService<IAuthsomeStore>();

    /// <summary>The host's services (the engine's own, to set up what a test starts from).</summary>
    public IServiceProvider Services => factory.Services;

    /// <summary>Signs a user up through the engine and verifies the address by the mailed link's token, as a user would.</summary>
    public async Task<User> CreateVerifiedUserAsync(string email, string password)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var signUp = await Services.GetRequiredService<IPasswordAuthentication>()
            .SignUpAsync(new PasswordSignUp(email, password), new ClientInfo("127.0.0.1", "test"), cancellationToken);
        Assert.True(signUp.Succeeded);
        var link = new Uri(await Mail.LinkAsync(email, "verify"));
        var token = Uri.UnescapeDataString(link.Query.Split("token=")[1]);
        return await Services.GetRequiredService<VerificationService>().VerifyTokenAsync(token, cancellationToken);
    }

    /// <summary>
    /// Starts the host on <paramref name="port"/> (default: a free one) with <paramref name="settings"/> over the tests'
    /// defaults; <paramref name="development"/> runs it as a newcomer does (<c>dotnet run</c>): Development, plain http.
    /// </summary>
    public static PagesHost Start(IReadOnlyDictionary<string, string?>? settings = null, int? port = null, bool development = false)
    {
        port ??= FreePort();
        var origin = $"{(development ? "http" : "https")}://127.0.0.1:{port}";
        var mail = new MailBox();
        var all = new Dictionary<string, string?>
        {
            ["Authsome:Store:Provider"] = "memory",
            ["Authsome:Email:Smtp:Host"] = "smtp.invalid",
            ["Authsome:Email:Smtp:FromAddress"] = "auth@example.com",
            ["Authsome:Passwords:MaxConcurrentHashes"] = "4",
            ["Authsome:Verification:LinkTemplate"] = origin + "/auth/verify-email?token={token}",
            ["Authsome:PasswordReset:LinkTemplate"] = origin + "/auth/reset-password?token={token}",
            ["Authsome:MagicLink:LinkTemplate"] = origin + "/auth/magic-link?token={token}",
            ["Authsome:RateLimits:General:PermitLimit"] = "100000",
            ["Authsome:RateLimits:SignIn:PermitLimit"] = "100000",
            ["Authsome:RateLimits:SignUp:PermitLimit"] = "100000",
            ["Authsome:RateLimits:PasswordReset:PermitLimit"] = "100000",
            ["Authsome:RateLimits:Verification:PermitLimit"] = "100000",
        };
        if (!development)
        {
            // The engine takes only https invitation links.
            all["Authsome:Organizations:InvitationLinkTemplate"] = origin + "/auth/invitations/accept?token={token}";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(development ? "Development" : "Production");
            foreach (var (key, value) in all)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureTestServices(services =>
            {
                services.RemoveAll<IEmailSender>();
                services.AddSingleton<IEmailSender>(mail);
            });
        });
        var certificate = SelfSignedCertificate();
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port.Value, listen =>
        {
            if (!development)
            {
                listen.UseHttps(certificate);
            }
        }));
        factory.StartServer();
        return new PagesHost(factory, mail, new Uri(origin));
    }

    /// <summary>
    /// Starts the host with the social plugin's provider <c>test</c> ("Example ID"): the Api tests' OpenID Connect server,
    /// started first, since it must know the host's callback URL.
    /// </summary>
    public static async Task<(PagesHost Host, TestOidcProvider Provider)> StartWithSocialProviderAsync()
    {
        var port = FreePort();
        var provider = await TestOidcProvider.StartAsync($"https://127.0.0.1:{port}/v1/auth/social/test/callback");
        var host = Start(new Dictionary<string, string?>
        {
            ["Authsome:Social:Providers:test:Authority"] = provider.Issuer.AbsoluteUri,
            ["Authsome:Social:Providers:test:ClientId"] = TestOidcProvider.ClientId,
            ["Authsome:Social:Providers:test:ClientSecret"] = TestOidcProvider.ClientSecret,
            ["Authsome:Social:Providers:test:RequireHttpsMetadata"] = "false",
            ["Authsome:Social:Providers:test:DisplayName"] = "Example ID",
            ["Authsome:Social:AllowedRedirectUris:0"] = $"https://127.0.0.1:{port}/auth/social/complete",
        }, port);
        return (host, provider);
    }

    /// <summary>A client that trusts the test certificate, follows no redirects and keeps cookies.</summary>
    public HttpClient CreateClient()
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };
        return new HttpClient(handler) { BaseAddress = Address };
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    /// <summary>A free loopback port (to know the host's address before it starts).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel on Linux needs the key in an exportable, loaded form.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
