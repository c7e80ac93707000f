namespace Authsome.Store.Testing;

/// <summary>Conformance of <see cref="IAuthsomeStore.ApiKeys"/>: lookups by hash, prefix and public key, and their uniqueness.</summary>
public abstract class ApiKeyStoreConformanceTests : StoreConformanceTests
{
    [Fact]
    public async Task Create_ThenLookUpByIdPrefixHashAndPublicKey()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var apiKey = TestData.NewApiKey(tenant.App.Id, user.Id) with
        {
            EnvId = tenant.Environment.Id,
            ServiceAccountId = Id<ServiceAccount>.New(),
            PublicKey = TestData.Unique("pk_"),
            Scopes = ["users:write", "users:read", "admin"],
            ExpiresAt = TestData.Now.AddYears(1),
            LastUsedAt = TestData.Now,
        };

        await Store.ApiKeys.CreateAsync(apiKey, Ct);

        StoreAssert.Same(apiKey, await Store.ApiKeys.GetAsync(apiKey.Id, Ct));
        StoreAssert.Same(apiKey, await Store.ApiKeys.GetByPrefixAsync(tenant.App.Id, apiKey.KeyPrefix, Ct));
        StoreAssert.Same(apiKey, await Store.ApiKeys.GetByKeyHashAsync(apiKey.KeyHash, Ct));
        StoreAssert.Same(apiKey, await Store.ApiKeys.GetByPublicKeyAsync(apiKey.PublicKey!, Ct));
    }

    [Fact]
    public async Task Lookups_ReturnNull_WhenAbsent()
    {
        var tenant = await GivenTenantAsync();
        var apiKey = await GivenApiKeyAsync(tenant.App.Id);

        Assert.Null(await Store.ApiKeys.GetAsync(Id<ApiKey>.New(), Ct));
        Assert.Null(await Store.ApiKeys.GetByPrefixAsync(Id<App>.New(), apiKey.KeyPrefix, Ct));
        Assert.Null(await Store.ApiKeys.GetByKeyHashAsync(TestData.NewSecretHash(), Ct));
        Assert.Null(await Store.ApiKeys.GetByPublicKeyAsync(TestData.Unique("pk_"), Ct));
    }

    [Fact]
    public async Task Create_ThrowsTheRightConflict_ForEachUniqueRule()
    {
        var tenant = await GivenTenantAsync();
        var apiKey = await GivenApiKeyAsync(tenant.App.Id, k => k with { PublicKey = TestData.Unique("pk_") });

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.ApiKeys.CreateAsync(TestData.NewApiKey(tenant.App.Id) with { Id = apiKey.Id }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.KeyPrefixTaken, () => Store.ApiKeys.CreateAsync(TestData.NewApiKey(tenant.App.Id) with { KeyPrefix = apiKey.KeyPrefix }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.ApiKeys.CreateAsync(TestData.NewApiKey(tenant.App.Id) with { KeyHash = apiKey.KeyHash }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.ApiKeys.CreateAsync(TestData.NewApiKey(tenant.App.Id) with { PublicKey = apiKey.PublicKey }, Ct));
        Assert.Single(await Store.ApiKeys.ListByAppAsync(tenant.App.Id, Ct));
    }

    [Fact]
    public async Task Create_AllowsTheSamePrefixInAnotherApp_AndManyKeysWithoutPublicKey()
    {
        var tenant = await GivenTenantAsync();
        var other = await GivenTenantAsync();
        var apiKey = await GivenApiKeyAsync(tenant.App.Id);
        await GivenApiKeyAsync(tenant.App.Id);

        var samePrefix = TestData.NewApiKey(other.App.Id) with { KeyPrefix = apiKey.KeyPrefix };
        await Store.ApiKeys.CreateAsync(samePrefix, Ct);

        StoreAssert.Same(samePrefix, await Store.ApiKeys.GetByPrefixAsync(other.App.Id, apiKey.KeyPrefix, Ct));
        StoreAssert.Same(apiKey, await Store.ApiKeys.GetByPrefixAsync(tenant.App.Id, apiKey.KeyPrefix, Ct));
        Assert.Equal(2, (await Store.ApiKeys.ListByAppAsync(tenant.App.Id, Ct)).Count);
    }

    [Fact]
    public async Task Update_ReplacesFields_OrThrows()
    {
        var tenant = await GivenTenantAsync();
        var taken = await GivenApiKeyAsync(tenant.App.Id);
        var apiKey = await GivenApiKeyAsync(tenant.App.Id);
        var changed = apiKey with { Name = "Renamed", Revoked = true, Scopes = ["a"], KeyPrefix = TestData.Unique("sk_live_"), UpdatedAt = TestData.Now.AddDays(1) };

        await Store.ApiKeys.UpdateAsync(changed, Ct);

        StoreAssert.Same(changed, await Store.ApiKeys.GetByKeyHashAsync(apiKey.KeyHash, Ct));
        Assert.Null(await Store.ApiKeys.GetByPrefixAsync(tenant.App.Id, apiKey.KeyPrefix, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.KeyPrefixTaken, () => Store.ApiKeys.UpdateAsync(changed with { KeyPrefix = taken.KeyPrefix }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.ApiKeys.UpdateAsync(changed with { KeyHash = taken.KeyHash }, Ct));
        await StoreAssert.NotFoundAsync(() => Store.ApiKeys.UpdateAsync(TestData.NewApiKey(tenant.App.Id), Ct));
        StoreAssert.Same(changed, await Store.ApiKeys.GetAsync(apiKey.Id, Ct));
    }

    [Fact]
    public async Task Touch_SetsLastUsedAt_AndNothingElse()
    {
        var tenant = await GivenTenantAsync();
        var apiKey = await GivenApiKeyAsync(tenant.App.Id);
        var at = TestData.Now.AddMinutes(42);

        Assert.True(await Store.ApiKeys.TouchAsync(apiKey.Id, at, Ct));
        Assert.False(await Store.ApiKeys.TouchAsync(Id<ApiKey>.New(), at, Ct));

        StoreAssert.Same(apiKey with { LastUsedAt = at }, await Store.ApiKeys.GetAsync(apiKey.Id, Ct));
    }

    [Fact]
    public async Task Delete_RemovesEveryLookup_AndReturnsFalseTheSecondTime()
    {
        var tenant = await GivenTenantAsync();
        var apiKey = await GivenApiKeyAsync(tenant.App.Id, k => k with { PublicKey = TestData.Unique("pk_") });

        Assert.True(await Store.ApiKeys.DeleteAsync(apiKey.Id, Ct));
        Assert.False(await Store.ApiKeys.DeleteAsync(apiKey.Id, Ct));

        Assert.Null(await Store.ApiKeys.GetByKeyHashAsync(apiKey.KeyHash, Ct));
        Assert.Null(await Store.ApiKeys.GetByPrefixAsync(tenant.App.Id, apiKey.KeyPrefix, Ct));
        Assert.Null(await Store.ApiKeys.GetByPublicKeyAsync(apiKey.PublicKey!, Ct));
    }

    [Fact]
    public async Task ListByAppAndByUser_ReturnTheirKeys_InIdOrder()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var all = new List<Id<ApiKey>>();
        var users = new List<Id<ApiKey>>();
        for (var i = 0; i < 3; i++)
        {
            all.Add((await GivenApiKeyAsync(tenant.App.Id)).Id);
            var owned = await GivenApiKeyAsync(tenant.App.Id, k => k with { UserId = user.Id });
            all.Add(owned.Id);
            users.Add(owned.Id);
        }

        await GivenApiKeyAsync((await GivenTenantAsync()).App.Id);

        StoreAssert.Ids(all.InIdOrder(), (await Store.ApiKeys.ListByAppAsync(tenant.App.Id, Ct)).Select(k => k.Id));
        StoreAssert.Ids(users.InIdOrder(), (await Store.ApiKeys.ListByUserAsync(user.Id, Ct)).Select(k => k.Id));
        Assert.Empty(await Store.ApiKeys.ListByUserAsync(Id<User>.New(), Ct));
    }

    [Fact]
    public async Task HostileStrings_RoundTripExactly_AndMatchOnlyLiterally()
    {
        var tenant = await GivenTenantAsync();
        foreach (var value in HostileStrings.Short)
        {
            var apiKey = TestData.NewApiKey(tenant.App.Id) with { Name = HostileStrings.VeryLong, KeyPrefix = value, PublicKey = value + TestData.Unique("-"), Scopes = [value] };
            await Store.ApiKeys.CreateAsync(apiKey, Ct);
            StoreAssert.Same(apiKey, await Store.ApiKeys.GetByPrefixAsync(tenant.App.Id, value, Ct));
            StoreAssert.Same(apiKey, await Store.ApiKeys.GetByPublicKeyAsync(apiKey.PublicKey!, Ct));
        }

        Assert.Null(await Store.ApiKeys.GetByPrefixAsync(tenant.App.Id, "sk_%", Ct));
        Assert.Null(await Store.ApiKeys.GetByPublicKeyAsync(".*", Ct));
    }

    protected async Task<ApiKey> GivenApiKeyAsync(Id<App> appId, Func<ApiKey, ApiKey>? change = null)
    {
        var apiKey = TestData.NewApiKey(appId);
        apiKey = change?.Invoke(apiKey) ?? apiKey;
        await Store.ApiKeys.CreateAsync(apiKey, Ct);
        return apiKey;
    }
}
