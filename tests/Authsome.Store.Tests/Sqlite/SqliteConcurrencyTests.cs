using System.Collections.Concurrent;
using Authsome.Store.Sqlite;
using Authsome.Store.Testing;
using Microsoft.Data.Sqlite;

namespace Authsome.Store.Tests.Sqlite;

/// <summary>
/// SQLite admits one writer at a time; the store must turn concurrent requests into a queue, never into
/// "database is locked" errors or lost writes.
/// </summary>
public sealed class SqliteConcurrencyTests : IDisposable
{
    private const int Users = 200;
    private const int Writers = 16;

    private readonly string folder = Directory.CreateTempSubdirectory("authsome-sqlite-concurrency-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string ConnectionString => $"Data Source={Path.Combine(folder, "authsome.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ConcurrentSignUps_AndReads_LoseNothing_AndNeverFail()
    {
        await using var store = new SqliteStore(ConnectionString);
        await store.MigrateAsync([], Ct);
        var (app, environment) = await TestSeeds.TenantAsync(store, Ct);

        var signedUp = new ConcurrentBag<User>();
        var failures = new ConcurrentBag<Exception>();
        var reads = 0;
        using var writersDone = new CancellationTokenSource();

        // Each writer signs users up the way the engine does: the user, its first session, an email verification,
        // then a failed sign-in counted (the lockout's counter) and a lookup by email.
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(
            async () =>
            {
                for (var i = w; i < Users; i += Writers)
                {
                    try
                    {
                        var user = TestData.NewUser(app.Id, environment.Id, $"user{i}@example.com");
                        await store.Users.CreateAsync(user, Ct);
                        await store.Sessions.CreateAsync(TestData.NewSession(user), Ct);
                        await store.Verifications.CreateAsync(TestData.NewVerification(user), Ct);
                        Assert.Equal(1, (await store.Counters.IncrementAsync($"lockout:{user.Id}", TestData.Now, TimeSpan.FromMinutes(15), Ct)).Count);
                        Assert.NotNull(await store.Users.GetByEmailAsync(app.Id, environment.Id, user.Email, Ct));
                        signedUp.Add(user);
                    }
                    catch (Exception ex)
                    {
                        failures.Add(ex);
                    }
                }
            },
            Ct)).ToArray();

        // Readers list and look up while the writers work, as other requests would.
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(
            async () =>
            {
                while (!writersDone.IsCancellationRequested)
                {
                    try
                    {
                        var page = await store.Users.ListAsync(new UserQuery { AppId = app.Id, Page = new PageRequest(null, 20) }, Ct);
                        foreach (var user in page.Items)
                        {
                            Assert.Equal(user.Id, (await store.Users.GetByEmailAsync(app.Id, environment.Id, user.Email, Ct))?.Id);
                        }

                        Interlocked.Increment(ref reads);
                    }
                    catch (Exception ex)
                    {
                        failures.Add(ex);
                    }
                }
            },
            Ct)).ToArray();

        await Task.WhenAll(writers);
        await writersDone.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Empty(failures);
        Assert.Equal(Users, signedUp.Count);
        Assert.True(reads > 0);
        var all = await store.Users.ListAsync(new UserQuery { AppId = app.Id, Page = new PageRequest(null, PageRequest.MaxLimit) }, Ct);
        Assert.Equal(Users, all.Total);
        Assert.Equal(signedUp.Select(u => u.Id).Order(), all.Items.Select(u => u.Id));
        foreach (var user in signedUp)
        {
            Assert.Single(await store.Sessions.ListByUserAsync(user.Id, Ct));
            Assert.Equal(1, (await store.Counters.GetAsync($"lockout:{user.Id}", TestData.Now, Ct))?.Count);
        }
    }

    [Fact]
    public async Task Writes_WaitForAWriterInAnotherProcess_InsteadOfFailing()
    {
        await using var store = new SqliteStore(ConnectionString);
        await store.MigrateAsync([], Ct);
        var (app, environment) = await TestSeeds.TenantAsync(store, Ct);

        // A raw connection stands in for another process: it shares only the file's lock, not this process's gate.
        await using var other = new SqliteConnection(ConnectionString);
        await other.OpenAsync(Ct);
        var holding = other.BeginTransaction(deferred: false);
        var write = Task.Run(async () => await store.Users.CreateAsync(TestData.NewUser(app.Id, environment.Id), Ct), Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        Assert.False(write.IsCompleted);

        await holding.CommitAsync(Ct);
        await write.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(1, (await store.Users.ListAsync(new UserQuery { AppId = app.Id }, Ct)).Total);
    }

    [Fact]
    public async Task AWriterInAnotherProcess_HeldPastTheBusyTimeout_MakesTheStoreUnavailable_NotBroken()
    {
        await using var store = new SqliteStore(ConnectionString, TimeSpan.FromMilliseconds(300));
        await store.MigrateAsync([], Ct);

        await using var other = new SqliteConnection(ConnectionString);
        await other.OpenAsync(Ct);
        var holding = other.BeginTransaction(deferred: false);

        await Assert.ThrowsAsync<StoreUnavailableException>(async () => await store.Apps.CreateAsync(TestData.NewApp(), Ct));

        await holding.RollbackAsync(Ct);
        var app = TestData.NewApp();
        await store.Apps.CreateAsync(app, Ct);
        Assert.NotNull(await store.Apps.GetAsync(app.Id, Ct));
    }

    [Fact]
    public async Task TwoStoresOverOneFile_ShareTheWriteQueue()
    {
        await using var first = new SqliteStore(ConnectionString);
        await using var second = new SqliteStore(ConnectionString);
        await first.MigrateAsync([], Ct);
        var apps = Enumerable.Range(0, 100).Select(_ => TestData.NewApp()).ToArray();

        await Task.WhenAll(apps.Select((app, i) => Task.Run(async () => await (i % 2 == 0 ? first : second).Apps.CreateAsync(app, Ct), Ct)));

        foreach (var app in apps)
        {
            Assert.NotNull(await second.Apps.GetAsync(app.Id, Ct));
        }
    }
}
