using Authsome.Plugins.Social;
using Authsome.Store.Plugins;

namespace Authsome.Store.Testing.Plugins;

/// <summary>Conformance of the social plugin's sub-stores, <see cref="ISocialAccountStore"/> and <see cref="ISocialGrantStore"/>.</summary>
public abstract class SocialConformanceTests() : PluginStoreConformanceTests<ISocialAccountStore>(SocialStores.Accounts)
{
    private ISocialGrantStore? grants;

    protected ISocialAccountStore Accounts => PluginStore;

    protected ISocialGrantStore Grants => grants ?? throw new InvalidOperationException("Resolved in InitializeAsync.");

    /// <inheritdoc />
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        grants = Store.GetPluginStore(SocialStores.Grants);
    }

    private static SocialAccount NewAccount(User user, string provider = "google", string? subject = null) => new()
    {
        Id = Id<SocialAccount>.New(),
        AppId = user.AppId,
        UserId = user.Id,
        Provider = provider,
        Subject = subject ?? TestData.Unique("sub-"),
        Email = user.Email,
        CreatedAt = TestData.Now,
        UpdatedAt = TestData.Now,
    };

    private static SocialGrant NewGrant(Id<App> appId, SocialGrantKind kind, Id<User>? userId = null) => new()
    {
        Id = Id<SocialGrant>.New(),
        AppId = appId,
        Kind = kind,
        TokenHash = TestData.NewSecretHash(),
        Provider = "google",
        RedirectUri = "https://app.example.com/signed-in",
        UserId = userId,
        ExpiresAt = TestData.Now.AddMinutes(10),
        CreatedAt = TestData.Now,
    };

    [Fact]
    public async Task Get_FindsAnAccount_ByIdBySubjectAndByUser()
    {
        var user = await GivenUserAsync();
        var first = NewAccount(user, "google");
        var second = NewAccount(user, "github");
        await Accounts.CreateAsync(first, Ct);
        await Accounts.CreateAsync(second, Ct);

        Assert.Equal(first, await Accounts.GetAsync(first.Id, Ct));
        Assert.Equal(second, await Accounts.GetBySubjectAsync(user.AppId, "github", second.Subject, Ct));
        Assert.Null(await Accounts.GetBySubjectAsync(user.AppId, "google", second.Subject, Ct));
        Assert.Equal([.. new[] { first, second }.OrderBy(a => a.Id.ToString(), StringComparer.Ordinal)], await Accounts.ListByUserAsync(user.Id, Ct));
    }

    [Fact]
    public async Task Create_Conflicts_WhenTheSubjectIsLinkedInTheApp()
    {
        var tenant = await GivenTenantAsync();
        var alice = await GivenUserAsync(tenant);
        var bob = await GivenUserAsync(tenant);
        var elsewhere = await GivenUserAsync();
        var account = NewAccount(alice, subject: "same");
        await Accounts.CreateAsync(account, Ct);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Accounts.CreateAsync(NewAccount(bob, subject: "same"), Ct));
        await Accounts.CreateAsync(NewAccount(elsewhere, subject: "same"), Ct);
    }

    [Fact]
    public async Task Create_Conflicts_WhenTheUserDoesNotExist()
    {
        var tenant = await GivenTenantAsync();
        var ghost = TestData.NewUser(tenant.App.Id, tenant.Environment.Id);

        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => Accounts.CreateAsync(NewAccount(ghost), Ct));
    }

    [Fact]
    public async Task Update_ReplacesTheKeptTokens_AndThrowsNotFoundForAMissingAccount()
    {
        var user = await GivenUserAsync();
        var account = NewAccount(user);
        await Accounts.CreateAsync(account, Ct);
        var updated = account with { ProtectedAccessToken = "enc-access", ProtectedRefreshToken = "enc-refresh", UpdatedAt = TestData.Now.AddHours(1) };

        await Accounts.UpdateAsync(updated, Ct);

        Assert.Equal(updated, await Accounts.GetAsync(account.Id, Ct));
        await StoreAssert.NotFoundAsync(() => Accounts.UpdateAsync(NewAccount(user), Ct));
    }

    [Fact]
    public async Task Delete_IsHarmless_WhenRepeated()
    {
        var user = await GivenUserAsync();
        var account = NewAccount(user);
        await Accounts.CreateAsync(account, Ct);

        Assert.True(await Accounts.DeleteAsync(account.Id, Ct));
        Assert.False(await Accounts.DeleteAsync(account.Id, Ct));
        Assert.Empty(await Accounts.ListByUserAsync(user.Id, Ct));
    }

    [Fact]
    public async Task DeleteApp_DeletesItsUsersAccounts()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync();
        var account = NewAccount(user);
        await Accounts.CreateAsync(account, Ct);
        await Accounts.CreateAsync(NewAccount(other), Ct);

        Assert.True(await Store.Apps.DeleteAsync(tenant.App.Id, Ct));

        Assert.Null(await Accounts.GetAsync(account.Id, Ct));
        Assert.Single(await Accounts.ListByUserAsync(other.Id, Ct));
    }

    [Fact]
    public async Task ConsumeGrant_ReturnsItOnce_AndOnlyAsItsKind()
    {
        var user = await GivenUserAsync();
        var grant = NewGrant(user.AppId, SocialGrantKind.ExchangeCode, user.Id);
        await Grants.CreateAsync(grant, Ct);

        Assert.Null(await Grants.ConsumeAsync(user.AppId, SocialGrantKind.State, grant.TokenHash, TestData.Now, Ct));
        Assert.Equal(grant with { ConsumedAt = TestData.Now }, await Grants.ConsumeAsync(user.AppId, SocialGrantKind.ExchangeCode, grant.TokenHash, TestData.Now, Ct));
        Assert.Null(await Grants.ConsumeAsync(user.AppId, SocialGrantKind.ExchangeCode, grant.TokenHash, TestData.Now, Ct));
    }

    [Fact]
    public async Task ConsumeGrant_ReturnsNull_FromItsExpiryOrForAnotherApp()
    {
        var tenant = await GivenTenantAsync();
        var other = await GivenTenantAsync();
        var early = NewGrant(tenant.App.Id, SocialGrantKind.State);
        var late = NewGrant(tenant.App.Id, SocialGrantKind.State);
        await Grants.CreateAsync(early, Ct);
        await Grants.CreateAsync(late, Ct);

        Assert.Null(await Grants.ConsumeAsync(other.App.Id, SocialGrantKind.State, early.TokenHash, TestData.Now, Ct));
        Assert.NotNull(await Grants.ConsumeAsync(tenant.App.Id, SocialGrantKind.State, early.TokenHash, early.ExpiresAt.AddMilliseconds(-1), Ct));
        Assert.Null(await Grants.ConsumeAsync(tenant.App.Id, SocialGrantKind.State, late.TokenHash, late.ExpiresAt, Ct));
    }

    [Fact]
    public async Task ConsumeGrant_GivesItToOne_OfManyConcurrentCallers()
    {
        var tenant = await GivenTenantAsync();
        var grant = NewGrant(tenant.App.Id, SocialGrantKind.State);
        await Grants.CreateAsync(grant, Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Grants.ConsumeAsync(tenant.App.Id, SocialGrantKind.State, grant.TokenHash, TestData.Now, Ct).AsTask()));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task CreateGrant_Conflicts_WhenTheTokenHashIsTaken_AndPurgeDeletesItOnceExpired()
    {
        var tenant = await GivenTenantAsync();
        var grant = NewGrant(tenant.App.Id, SocialGrantKind.State);
        await Grants.CreateAsync(grant, Ct);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Grants.CreateAsync(NewGrant(tenant.App.Id, SocialGrantKind.ExchangeCode) with { TokenHash = grant.TokenHash }, Ct));
        // The database may hold other tests' grants: purging counts them too, so look only at this one.
        await Grants.PurgeAsync(grant.ExpiresAt.AddMilliseconds(-1), Ct);
        Assert.NotNull(await Grants.ConsumeAsync(tenant.App.Id, SocialGrantKind.State, grant.TokenHash, TestData.Now, Ct));
        Assert.True(await Grants.PurgeAsync(grant.ExpiresAt, Ct) >= 1);
        Assert.Null(await Grants.ConsumeAsync(tenant.App.Id, SocialGrantKind.State, grant.TokenHash, TestData.Now, Ct));
    }
}
