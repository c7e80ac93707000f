using System.Net;
using System.Net.Http.Json;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Devices;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Api.Tests.MachineAccess;

/// <summary>Devices: recorded at sign-in, carried by sessions, listed, trusted, removed with their sessions; session binding.</summary>
public abstract class DeviceTests(Backend backend)
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";
    private const string Phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInRecordsTheDevice_AndTheSessionCarriesIt()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var user = await client.SignUpAsync();
        var laptop = await SignInAsync(client, user.Email, Firefox);
        await SignInAsync(client, user.Email, Firefox);
        var phone = await SignInAsync(client, user.Email, Phone, deviceId: "phone-1");

        var devices = (await client.GetAsync("/devices", laptop)).Json!.AsArray();
        var firefox = devices.Single(d => d!["browser"]?.GetValue<string>() == "Firefox")!;
        Assert.Equal("Linux", firefox["os"]!.GetValue<string>());
        Assert.Equal("desktop", firefox["type"]!.GetValue<string>());
        Assert.True(firefox["current"]!.GetValue<bool>());
        Assert.Null(firefox["fingerprint"]);
        var iphone = devices.Single(d => d!["os"]?.GetValue<string>() == "iOS")!;
        Assert.Equal("mobile", iphone["type"]!.GetValue<string>());
        Assert.Equal(3, devices.Count);
        var sessions = (await client.GetAsync("/sessions", phone)).Json!.AsArray();
        Assert.Equal(2, sessions.Count(s => s!["device_id"]?.GetValue<string>() == firefox["id"]!.GetValue<string>()));
        Assert.Single(sessions, s => s!["device_id"]?.GetValue<string>() == iphone["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task RemovingADeviceEndsItsSessionsOnly_AndTrustMarksIt()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var user = await client.SignUpAsync();
        var laptop = await SignInAsync(client, user.Email, Firefox);
        var laptopAgain = await SignInAsync(client, user.Email, Firefox);
        var phone = await SignInAsync(client, user.Email, Phone);
        var stranger = await client.SignUpAsync();
        var devices = (await client.GetAsync("/devices", phone)).Json!.AsArray();
        var laptopId = devices.Single(d => d!["browser"]?.GetValue<string>() == "Firefox")!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/devices/{laptopId}", stranger.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/devices/{laptopId}/trust", null, stranger.AccessToken)).Status);
        var trusted = await client.PostAsync($"/devices/{laptopId}/trust", null, phone);
        Assert.True(trusted.Json!["trusted"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/devices/{laptopId}", phone)).Status);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", laptop)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", laptopAgain)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", phone)).Status);
        Assert.DoesNotContain((await client.GetAsync("/devices", phone)).Json!.AsArray(), d => d!["id"]!.GetValue<string>() == laptopId);
    }

    [Fact]
    public async Task APasswordChangeOrReset_WithdrawsTheTrustOfEveryDevice()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var user = await client.SignUpAsync();
        await SignInAsync(client, user.Email, Firefox, deviceId: "laptop-trusted-1");
        var phone = await SignInAsync(client, user.Email, Phone, deviceId: "phone-trusted-1");
        await TrustEveryDeviceAsync(client, phone);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/change-password", new { current_password = ApiClient.Password, new_password = "Changed-Password-41" }, phone)).Status);

        var devices = (await client.GetAsync("/devices", phone)).Json!.AsArray();
        // The sign-up's client, the laptop and the phone.
        Assert.Equal(3, devices.Count);
        Assert.All(devices, d => Assert.False(d!["trusted"]!.GetValue<bool>()));
        Assert.All(devices, d => Assert.Null(d!["trusted_at"]?.GetValue<DateTimeOffset>()));

        // Trusted again, then a reset link: the trust goes again.
        await TrustEveryDeviceAsync(client, phone);
        await client.PostAsync("/forgot-password", new { email = user.Email });
        var token = CapturingEmailSender.TokenOf(await host.Mail.WaitForAsync(user.Email, "Reset your password"));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/reset-password", new { token, new_password = "Reset-Password-52" })).Status);

        var afterReset = await host.Store.Devices.ListByUserAsync(Id<User>.Parse(user.UserId), Ct);
        Assert.Equal(3, afterReset.Count);
        Assert.All(afterReset, d => Assert.False(d.Trusted));
    }

    private static async Task TrustEveryDeviceAsync(ApiClient client, string token)
    {
        foreach (var device in (await client.GetAsync("/devices", token)).Json!.AsArray())
        {
            var trusted = await client.PostAsync($"/devices/{device!["id"]!.GetValue<string>()}/trust", null, token);
            Assert.True(trusted.Json!["trusted"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task BindToDevice_RefusesTheSessionFromAnotherDevice()
    {
        await using var host = await ApiHost.StartAsync(backend);
        await SetBindingsAsync(host, ip: false, device: true);
        using var client = host.CreateClient();
        var user = await client.SignUpAsync();
        var token = await SignInAsync(client, user.Email, Firefox, deviceId: "laptop-7");

        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(client, token, Firefox, "laptop-7")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetMeAsync(client, token, Firefox, "stolen-elsewhere")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetMeAsync(client, token, Firefox, null)).Status);
    }

    [Fact]
    public async Task BindToIp_RefusesTheSessionFromAnotherAddress()
    {
        await using var host = await ApiHost.StartAsync(backend);
        await SetBindingsAsync(host, ip: true, device: false);
        var policy = host.Services.GetRequiredService<SessionBindingPolicy>();
        var user = await new ApiClientFactory(host).SignUpAsync();
        var session = (await host.Store.Sessions.ListByUserAsync(Id<User>.Parse(user.UserId), Ct)).Single() with { IpAddress = "203.0.113.5" };

        Assert.True(await policy.AllowsAsync(session, new ClientInfo("203.0.113.5", Firefox), Ct));
        Assert.False(await policy.AllowsAsync(session, new ClientInfo("198.51.100.1", Firefox), Ct));
        Assert.False(await policy.AllowsAsync(session, new ClientInfo(null, Firefox), Ct));
    }

    private static async Task SetBindingsAsync(ApiHost host, bool ip, bool device)
    {
        var app = (await host.Store.Apps.GetPlatformAsync(Ct))!;
        var now = DateTimeOffset.UtcNow;
        await host.Store.AppSessionConfigs.SetAsync(new AppSessionConfig { Id = Id<AppSessionConfig>.New(), AppId = app.Id, BindToIp = ip, BindToDevice = device, CreatedAt = now, UpdatedAt = now }, Ct);
    }

    private static async Task<string> SignInAsync(ApiClient client, string email, string userAgent, string? deviceId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiClient.Base + "/signin") { Content = JsonContent.Create(new { email, password = ApiClient.Password }) };
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (deviceId is not null)
        {
            request.Headers.Add("X-Device-Id", deviceId);
        }

        var answer = await client.SendAsync(request, null);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Str("session_token")!;
    }

    private static async Task<Answer> GetMeAsync(ApiClient client, string token, string userAgent, string? deviceId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiClient.Base + "/me");
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (deviceId is not null)
        {
            request.Headers.Add("X-Device-Id", deviceId);
        }

        return await client.SendAsync(request, token);
    }

    /// <summary>A client used once.</summary>
    private sealed class ApiClientFactory(ApiHost host)
    {
        public async Task<SignedIn> SignUpAsync()
        {
            using var client = host.CreateClient();
            return await client.SignUpAsync();
        }
    }
}

public sealed class DeviceTestsOnMemory() : DeviceTests(Backend.Memory);

public sealed class DeviceTestsOnSqlite() : DeviceTests(Backend.Sqlite);

public sealed class DeviceTestsOnPostgres() : DeviceTests(Backend.Postgres);

public sealed class DeviceTestsOnMongo() : DeviceTests(Backend.Mongo);
