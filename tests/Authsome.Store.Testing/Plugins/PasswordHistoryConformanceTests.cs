using Authsome.Plugins.Password.History;
using Authsome.Store.Plugins;

namespace Authsome.Store.Testing.Plugins;

/// <summary>
/// Conformance of the password plugin's sub-store, <see cref="IPasswordHistoryStore"/>, as a store provides it (built
/// from <see cref="PasswordHistoryStore.Definition"/>, or implemented by a custom store). Each test migrates the
/// plugin's group (<c>authsome-password</c>) on the store it is given.
/// </summary>
public abstract class PasswordHistoryConformanceTests() : PluginStoreConformanceTests<IPasswordHistoryStore>(PasswordHistoryStore.Definition)
{
    private const string Argon2Hash = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$yqDk3cXo4uDWCNUMXMJ9bQ6Wl9Z7i3S5P2a0xD5cSxY";

    /// <summary>The store's password history.</summary>
    protected IPasswordHistoryStore History => PluginStore;

    [Fact]
    public void TheStoreGivesOneHistoryForItsLifetime()
    {
        Assert.Same(History, Store.GetPluginStore(PasswordHistoryStore.Definition));
    }

    [Fact]
    public async Task EntriesComeBackNewestFirstWhateverOrderTheyWereAddedIn()
    {
        var user = await GivenUserAsync();
        var at = TestData.Now;

        await History.AddAsync(user.Id, new PasswordHistoryEntry("hash-2", at.AddMinutes(2)), 10, Ct);
        await History.AddAsync(user.Id, new PasswordHistoryEntry("hash-1", at.AddMinutes(1)), 10, Ct);
        await History.AddAsync(user.Id, new PasswordHistoryEntry("hash-3", at.AddMinutes(3)), 10, Ct);

        var entries = await History.GetRecentAsync(user.Id, 10, Ct);
        Assert.Equal(["hash-3", "hash-2", "hash-1"], entries.Select(e => e.PasswordHash));
        Assert.Equal([at.AddMinutes(3), at.AddMinutes(2), at.AddMinutes(1)], entries.Select(e => e.CreatedAt));
    }

    [Fact]
    public async Task GetRecentReturnsAtMostCountEntries()
    {
        var user = await GivenUserAsync();
        await AddAsync(user.Id, 4, keep: 10);

        Assert.Equal(["hash-3", "hash-2"], (await History.GetRecentAsync(user.Id, 2, Ct)).Select(e => e.PasswordHash));
        Assert.Empty(await History.GetRecentAsync(user.Id, 0, Ct));
    }

    [Fact]
    public async Task AddKeepsOnlyTheNewestEntries()
    {
        var user = await GivenUserAsync();

        await AddAsync(user.Id, 6, keep: 3);

        Assert.Equal(["hash-5", "hash-4", "hash-3"], (await History.GetRecentAsync(user.Id, 10, Ct)).Select(e => e.PasswordHash));
    }

    [Fact]
    public async Task AnOlderEntryAddedLateIsTheOneTrimmed()
    {
        var user = await GivenUserAsync();
        await AddAsync(user.Id, 2, keep: 2);

        await History.AddAsync(user.Id, new PasswordHistoryEntry("ancient", TestData.Now.AddDays(-1)), 2, Ct);

        Assert.Equal(["hash-1", "hash-0"], (await History.GetRecentAsync(user.Id, 10, Ct)).Select(e => e.PasswordHash));
    }

    [Fact]
    public async Task EachUserHasTheirOwnHistory()
    {
        var tenant = await GivenTenantAsync();
        var alice = await GivenUserAsync(tenant);
        var bob = await GivenUserAsync(tenant);
        await AddAsync(alice.Id, 3, keep: 3);

        await History.AddAsync(bob.Id, new PasswordHistoryEntry("bob", TestData.Now.AddHours(1)), 1, Ct);

        Assert.Equal(["hash-2", "hash-1", "hash-0"], (await History.GetRecentAsync(alice.Id, 10, Ct)).Select(e => e.PasswordHash));
        Assert.Equal(["bob"], (await History.GetRecentAsync(bob.Id, 10, Ct)).Select(e => e.PasswordHash));
    }

    [Fact]
    public async Task TimesAndHashesRoundTripExactly()
    {
        var user = await GivenUserAsync();
        var at = new DateTimeOffset(2041, 3, 4, 5, 6, 7, 891, TimeSpan.FromHours(2)).AddTicks(4567);

        await History.AddAsync(user.Id, new PasswordHistoryEntry(Argon2Hash, at), 5, Ct);

        var entry = Assert.Single(await History.GetRecentAsync(user.Id, 5, Ct));
        Assert.Equal(Argon2Hash, entry.PasswordHash);
        Assert.Equal(new DateTimeOffset(2041, 3, 4, 3, 6, 7, 891, TimeSpan.Zero), entry.CreatedAt);
        Assert.Equal(TimeSpan.Zero, entry.CreatedAt.Offset);
    }

    [Fact]
    public async Task AnUnknownUserHasNoHistoryAndCannotGetOne()
    {
        var stranger = Id<User>.New();

        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => History.AddAsync(stranger, new PasswordHistoryEntry("hash", TestData.Now), 5, Ct));

        Assert.Empty(await History.GetRecentAsync(stranger, 5, Ct));
    }

    [Fact]
    public async Task ASoftDeletedUserKeepsTheirHistory()
    {
        var user = await GivenUserAsync();
        await AddAsync(user.Id, 1, keep: 5);

        Assert.True(await Store.Users.DeleteAsync(user.Id, TestData.Now, Ct));

        Assert.Single(await History.GetRecentAsync(user.Id, 5, Ct));
    }

    [Fact]
    public async Task DeletingTheAppDeletesItsUsersHistory()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync();
        await AddAsync(user.Id, 2, keep: 5);
        await AddAsync(other.Id, 1, keep: 5);

        Assert.True(await Store.Apps.DeleteAsync(tenant.App.Id, Ct));

        Assert.Empty(await History.GetRecentAsync(user.Id, 5, Ct));
        Assert.Single(await History.GetRecentAsync(other.Id, 5, Ct));
    }

    // Adds hash-0 .. hash-(count-1), a minute apart, hash-(count-1) the newest.
    private async Task AddAsync(Id<User> userId, int count, int keep)
    {
        for (var i = 0; i < count; i++)
        {
            await History.AddAsync(userId, new PasswordHistoryEntry($"hash-{i}", TestData.Now.AddMinutes(i)), keep, Ct);
        }
    }
}
