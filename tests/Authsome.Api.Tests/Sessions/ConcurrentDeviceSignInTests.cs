using System.Net;
using Authsome.Api.Tests.Embedding;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Hosting;
using Authsome.Store;
using Authsome.Store.Memory;
using Authsome.Store.Postgres;
using Authsome.Store.Sqlite;
using Authsome.Store.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Api.Tests.Sessions;

/// <summary>
/// Two first sign-ins from one new device: the second finds no device, then loses the race to create it. Its sign-in
/// must still succeed on the device the first created. This fails if the device were recorded inside the sign-in's
/// unit of work, where the conflict dooms the transaction (on PostgreSQL it aborts it) and the sign-in answered 5xx.
/// </summary>
public abstract class ConcurrentDeviceSignInTests
{
    // A wrapping store is not a plugin store host; the password history is a plugin sub-store, so it is off here.
    private static readonly Dictionary<string, string?> Settings = new() { ["Authsome:Password:HistoryLength"] = "0" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IAuthsomeStore> CreateInnerStoreAsync();

    [Fact]
    public async Task ASignInWhoseDeviceAConcurrentSignInCreatedFirst_SignsInOnThatDevice()
    {
        var store = new RacingDeviceStore(await CreateInnerStoreAsync());
        await using var app = await EmbeddingHost.StartAsync(a => a.UseStore(_ => store).AddPassword(), _ => { }, Settings);
        using var client = app.Client();
        var account = await client.SignUpAsync();
        var userId = Id<User>.Parse(account.UserId);
        var device = Assert.Single(await store.Devices.ListByUserAsync(userId, Ct));

        store.MissNextLookup = true;
        var signIn = await client.PostAsync("/signin", new { email = account.Email, password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.OK, signIn.Status);
        Assert.False(store.MissNextLookup);
        Assert.Equal(device.Id, Assert.Single(await store.Devices.ListByUserAsync(userId, Ct)).Id);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", signIn.Str("session_token"))).Status);
    }

    /// <summary>
    /// A store whose next device lookup by fingerprint misses a device that exists, as when a concurrent sign-in
    /// creates it between this one's lookup and its insert.
    /// </summary>
    private sealed class RacingDeviceStore : DelegatingStore
    {
        public RacingDeviceStore(IAuthsomeStore inner)
            : base(inner) => Devices = new RacingDevices(this, inner.Devices);

        public bool MissNextLookup { get; set; }

        public override IDeviceStore Devices { get; }

        private sealed class RacingDevices(RacingDeviceStore owner, IDeviceStore inner) : IDeviceStore
        {
            public async ValueTask<Device?> GetByFingerprintAsync(Id<User> userId, string fingerprint, CancellationToken cancellationToken)
            {
                var found = await inner.GetByFingerprintAsync(userId, fingerprint, cancellationToken);
                if (owner.MissNextLookup && found is not null)
                {
                    owner.MissNextLookup = false;
                    return null;
                }

                return found;
            }

            public ValueTask CreateAsync(Device device, CancellationToken cancellationToken) => inner.CreateAsync(device, cancellationToken);

            public ValueTask<Device?> GetAsync(Id<Device> id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

            public ValueTask UpdateAsync(Device device, CancellationToken cancellationToken) => inner.UpdateAsync(device, cancellationToken);

            public ValueTask<bool> DeleteAsync(Id<Device> id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);

            public ValueTask<IReadOnlyList<Device>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
                inner.ListByUserAsync(userId, cancellationToken);

            public ValueTask<Page<Device>> ListByAppAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken) =>
                inner.ListByAppAsync(appId, page, cancellationToken);
        }
    }
}

public sealed class ConcurrentDeviceSignInTestsOnMemory : ConcurrentDeviceSignInTests
{
    protected override Task<IAuthsomeStore> CreateInnerStoreAsync() => Task.FromResult<IAuthsomeStore>(new MemoryStore());
}

public sealed class ConcurrentDeviceSignInTestsOnSqlite : ConcurrentDeviceSignInTests
{
    protected override Task<IAuthsomeStore> CreateInnerStoreAsync() => Task.FromResult<IAuthsomeStore>(new SqliteStore("Data Source=:memory:"));
}

public sealed class ConcurrentDeviceSignInTestsOnPostgres : ConcurrentDeviceSignInTests
{
    protected override async Task<IAuthsomeStore> CreateInnerStoreAsync() =>
        new PostgresStore(await TestPostgresServer.CreateDatabaseAsync("api_tests", TestContext.Current.CancellationToken));
}
