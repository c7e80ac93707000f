using System.Collections.Immutable;

namespace Authsome.Store.Testing;

/// <summary>Conformance of <see cref="IAuthsomeStore.Environments"/>: slugs unique per app, exactly one default, atomic default swap.</summary>
public abstract class EnvironmentStoreConformanceTests : StoreConformanceTests
{
    [Fact]
    public async Task Create_ThenGetByIdSlugAndDefault()
    {
        var app = await GivenAppAsync();
        var production = TestData.NewEnvironment(app.Id) with
        {
            Name = "Production",
            Type = EnvironmentType.Production,
            Settings = ImmutableDictionary<string, string>.Empty.Add("session.ttl", "\"15m\"").Add("signup", "false"),
        };

        await Store.Environments.CreateAsync(production, Ct);

        StoreAssert.Same(production, await Store.Environments.GetAsync(production.Id, Ct));
        StoreAssert.Same(production, await Store.Environments.GetBySlugAsync(app.Id, production.Slug, Ct));
        StoreAssert.Same(production, await Store.Environments.GetDefaultAsync(app.Id, Ct));
    }

    [Fact]
    public async Task Lookups_ReturnNull_WhenAbsent()
    {
        var app = await GivenAppAsync();
        var other = await GivenAppAsync();
        var environment = await GivenEnvironmentAsync(app.Id, isDefault: true);

        Assert.Null(await Store.Environments.GetAsync(Id<AppEnvironment>.New(), Ct));
        Assert.Null(await Store.Environments.GetBySlugAsync(app.Id, "missing", Ct));
        Assert.Null(await Store.Environments.GetBySlugAsync(other.Id, environment.Slug, Ct));
        Assert.Null(await Store.Environments.GetDefaultAsync(other.Id, Ct));
    }

    [Fact]
    public async Task Create_ThrowsTheRightConflict_ForEachUniqueRule()
    {
        var app = await GivenAppAsync();
        var environment = await GivenEnvironmentAsync(app.Id, isDefault: true);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Environments.CreateAsync(TestData.NewEnvironment(app.Id, isDefault: false) with { Id = environment.Id }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.SlugTaken, () => Store.Environments.CreateAsync(TestData.NewEnvironment(app.Id, isDefault: false) with { Slug = environment.Slug }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.DefaultEnvironment, () => Store.Environments.CreateAsync(TestData.NewEnvironment(app.Id, isDefault: true), Ct));
        Assert.Single(await Store.Environments.ListAsync(app.Id, Ct));
    }

    [Fact]
    public async Task Create_AllowsTheSameSlugAndADefault_InAnotherApp()
    {
        var app = await GivenAppAsync();
        var other = await GivenAppAsync();
        var environment = await GivenEnvironmentAsync(app.Id, isDefault: true);

        var sameSlug = TestData.NewEnvironment(other.Id, isDefault: true) with { Slug = environment.Slug };
        await Store.Environments.CreateAsync(sameSlug, Ct);

        StoreAssert.Same(sameSlug, await Store.Environments.GetBySlugAsync(other.Id, environment.Slug, Ct));
        StoreAssert.Same(environment, await Store.Environments.GetDefaultAsync(app.Id, Ct));
    }

    [Fact]
    public async Task SetDefault_MovesTheDefault_LeavingExactlyOne()
    {
        var app = await GivenAppAsync();
        var development = await GivenEnvironmentAsync(app.Id, isDefault: true);
        var production = await GivenEnvironmentAsync(app.Id, isDefault: false);

        await Store.Environments.SetDefaultAsync(app.Id, production.Id, Ct);

        StoreAssert.Same(production with { IsDefault = true }, await Store.Environments.GetDefaultAsync(app.Id, Ct));
        StoreAssert.Same(development with { IsDefault = false }, await Store.Environments.GetAsync(development.Id, Ct));
        Assert.Single(await Store.Environments.ListAsync(app.Id, Ct), e => e.IsDefault);

        await Store.Environments.SetDefaultAsync(app.Id, production.Id, Ct);
        Assert.Equal(production.Id, (await Store.Environments.GetDefaultAsync(app.Id, Ct))!.Id);
    }

    [Fact]
    public async Task SetDefault_MakesTheFirstDefault_WhenTheAppHasNone()
    {
        var app = await GivenAppAsync();
        var environment = await GivenEnvironmentAsync(app.Id, isDefault: false);

        await Store.Environments.SetDefaultAsync(app.Id, environment.Id, Ct);

        Assert.Equal(environment.Id, (await Store.Environments.GetDefaultAsync(app.Id, Ct))!.Id);
    }

    [Fact]
    public async Task SetDefault_ThrowsNotFound_ForAnUnknownEnvironmentOrOneOfAnotherApp()
    {
        var app = await GivenAppAsync();
        var other = await GivenAppAsync();
        var environment = await GivenEnvironmentAsync(app.Id, isDefault: true);
        var foreign = await GivenEnvironmentAsync(other.Id, isDefault: false);

        await StoreAssert.NotFoundAsync(() => Store.Environments.SetDefaultAsync(app.Id, Id<AppEnvironment>.New(), Ct));
        await StoreAssert.NotFoundAsync(() => Store.Environments.SetDefaultAsync(app.Id, foreign.Id, Ct));

        Assert.Equal(environment.Id, (await Store.Environments.GetDefaultAsync(app.Id, Ct))!.Id);
        Assert.False((await Store.Environments.GetAsync(foreign.Id, Ct))!.IsDefault);
    }

    [Fact]
    public async Task SetDefault_UnderConcurrency_AlwaysLeavesExactlyOneDefault()
    {
        var app = await GivenAppAsync();
        var environments = new List<AppEnvironment> { await GivenEnvironmentAsync(app.Id, isDefault: true) };
        for (var i = 0; i < 3; i++)
        {
            environments.Add(await GivenEnvironmentAsync(app.Id, isDefault: false));
        }

        await StoreAssert.ConcurrentlyAsync(20, async i =>
        {
            await Store.Environments.SetDefaultAsync(app.Id, environments[i % environments.Count].Id, Ct);
            return i;
        });

        var defaults = (await Store.Environments.ListAsync(app.Id, Ct)).Where(e => e.IsDefault).ToList();
        Assert.Single(defaults);
        Assert.Equal(defaults[0].Id, (await Store.Environments.GetDefaultAsync(app.Id, Ct))!.Id);
    }

    [Fact]
    public async Task Update_ReplacesFields_ButNotTheDefaultFlag()
    {
        var app = await GivenAppAsync();
        var development = await GivenEnvironmentAsync(app.Id, isDefault: true);
        var staging = await GivenEnvironmentAsync(app.Id, isDefault: false);
        var renamed = staging with
        {
            Name = "Staging",
            Slug = TestData.Unique("staging-"),
            Type = EnvironmentType.Staging,
            IsDefault = true,
            Settings = ImmutableDictionary<string, string>.Empty.Add("a", "1"),
            UpdatedAt = TestData.Now.AddHours(1),
        };

        await Store.Environments.UpdateAsync(renamed, Ct);
        await Store.Environments.UpdateAsync(development with { IsDefault = false, Name = "Dev" }, Ct);

        StoreAssert.Same(renamed with { IsDefault = false }, await Store.Environments.GetBySlugAsync(app.Id, renamed.Slug, Ct));
        StoreAssert.Same(development with { Name = "Dev" }, await Store.Environments.GetDefaultAsync(app.Id, Ct));
        Assert.Null(await Store.Environments.GetBySlugAsync(app.Id, staging.Slug, Ct));
    }

    [Fact]
    public async Task Update_ThrowsNotFound_OrSlugTaken()
    {
        var app = await GivenAppAsync();
        var development = await GivenEnvironmentAsync(app.Id, isDefault: true);
        var staging = await GivenEnvironmentAsync(app.Id, isDefault: false);

        await StoreAssert.NotFoundAsync(() => Store.Environments.UpdateAsync(TestData.NewEnvironment(app.Id, isDefault: false), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.SlugTaken, () => Store.Environments.UpdateAsync(staging with { Slug = development.Slug }, Ct));
        StoreAssert.Same(staging, await Store.Environments.GetAsync(staging.Id, Ct));
    }

    [Fact]
    public async Task Delete_RefusesTheDefault_AndRemovesOthersOnce()
    {
        var app = await GivenAppAsync();
        var development = await GivenEnvironmentAsync(app.Id, isDefault: true);
        var staging = await GivenEnvironmentAsync(app.Id, isDefault: false);

        await StoreAssert.ConflictAsync(ConflictKind.DefaultEnvironment, async () => await Store.Environments.DeleteAsync(development.Id, Ct));
        Assert.True(await Store.Environments.DeleteAsync(staging.Id, Ct));
        Assert.False(await Store.Environments.DeleteAsync(staging.Id, Ct));
        Assert.False(await Store.Environments.DeleteAsync(Id<AppEnvironment>.New(), Ct));

        StoreAssert.Same(development, await Store.Environments.GetDefaultAsync(app.Id, Ct));
        Assert.Null(await Store.Environments.GetAsync(staging.Id, Ct));
        Assert.Null(await Store.Environments.GetBySlugAsync(app.Id, staging.Slug, Ct));
    }

    [Fact]
    public async Task List_ReturnsTheAppsEnvironments_InIdOrder()
    {
        var app = await GivenAppAsync();
        var other = await GivenAppAsync();
        var created = new List<Id<AppEnvironment>> { (await GivenEnvironmentAsync(app.Id, isDefault: true)).Id };
        await GivenEnvironmentAsync(other.Id, isDefault: true);
        for (var i = 0; i < 4; i++)
        {
            created.Add((await GivenEnvironmentAsync(app.Id, isDefault: false)).Id);
        }

        StoreAssert.Ids(created.InIdOrder(), (await Store.Environments.ListAsync(app.Id, Ct)).Select(e => e.Id));
        Assert.Empty(await Store.Environments.ListAsync(Id<App>.New(), Ct));
    }

    [Fact]
    public async Task HostileStrings_RoundTripExactly()
    {
        var app = await GivenAppAsync();
        foreach (var value in HostileStrings.Short)
        {
            var environment = TestData.NewEnvironment(app.Id, isDefault: false) with
            {
                Name = HostileStrings.VeryLong,
                Slug = value + TestData.Unique("-"),
                Settings = ImmutableDictionary<string, string>.Empty.Add(value, value),
            };
            await Store.Environments.CreateAsync(environment, Ct);
            StoreAssert.Same(environment, await Store.Environments.GetBySlugAsync(app.Id, environment.Slug, Ct));
        }

        Assert.Null(await Store.Environments.GetBySlugAsync(app.Id, "%", Ct));
    }

    /// <summary>Creates an app without environments.</summary>
    protected async Task<App> GivenAppAsync()
    {
        var app = TestData.NewApp();
        await Store.Apps.CreateAsync(app, Ct);
        return app;
    }

    /// <summary>Creates an environment of the app.</summary>
    protected async Task<AppEnvironment> GivenEnvironmentAsync(Id<App> appId, bool isDefault)
    {
        var environment = TestData.NewEnvironment(appId, isDefault);
        await Store.Environments.CreateAsync(environment, Ct);
        return environment;
    }
}
