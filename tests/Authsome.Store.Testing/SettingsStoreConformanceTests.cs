namespace Authsome.Store.Testing;

/// <summary>Conformance of <see cref="IAuthsomeStore.Settings"/> and of <see cref="SettingsResolver"/> over it: upsert per (key, scope, scope id), lists by key, narrowest scope wins.</summary>
public abstract class SettingsStoreConformanceTests : StoreConformanceTests
{
    [Fact]
    public async Task Set_CreatesThenReplaces_KeepingIdAndCreatedAt()
    {
        var key = TestData.Unique("session.ttl.");
        var appId = Id<App>.New().ToString();
        var setting = TestData.NewSetting(key, SettingScope.App, appId, "\"15m\"");

        StoreAssert.Same(setting, await Store.Settings.SetAsync(setting, Ct));
        StoreAssert.Same(setting, await Store.Settings.GetAsync(key, SettingScope.App, appId, Ct));

        var replacement = TestData.NewSetting(key, SettingScope.App, appId, "{\"minutes\":30}") with { CreatedAt = TestData.Now.AddDays(1), UpdatedAt = TestData.Now.AddDays(1) };
        var expected = replacement with { Id = setting.Id, CreatedAt = setting.CreatedAt };

        StoreAssert.Same(expected, await Store.Settings.SetAsync(replacement, Ct));
        StoreAssert.Same(expected, await Store.Settings.GetAsync(key, SettingScope.App, appId, Ct));
    }

    [Fact]
    public async Task KeyScopeAndScopeId_EachTellSettingsApart()
    {
        var key = TestData.Unique("feature.");
        var appId = Id<App>.New().ToString();
        var otherAppId = Id<App>.New().ToString();
        var global = await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.Global, string.Empty, "1"), Ct);
        var app = await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.App, appId, "2"), Ct);
        var otherApp = await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.App, otherAppId, "3"), Ct);
        var sameIdOtherScope = await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.User, appId, "4"), Ct);

        StoreAssert.Same(global, await Store.Settings.GetAsync(key, SettingScope.Global, string.Empty, Ct));
        StoreAssert.Same(app, await Store.Settings.GetAsync(key, SettingScope.App, appId, Ct));
        StoreAssert.Same(otherApp, await Store.Settings.GetAsync(key, SettingScope.App, otherAppId, Ct));
        StoreAssert.Same(sameIdOtherScope, await Store.Settings.GetAsync(key, SettingScope.User, appId, Ct));
        Assert.Null(await Store.Settings.GetAsync(key, SettingScope.Organization, appId, Ct));
        Assert.Null(await Store.Settings.GetAsync(key + ".other", SettingScope.App, appId, Ct));
    }

    [Fact]
    public async Task Delete_RemovesOnlyThatSetting_AndReturnsFalseTheSecondTime()
    {
        var key = TestData.Unique("k.");
        var appId = Id<App>.New().ToString();
        await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.App, appId), Ct);
        var global = await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.Global, string.Empty), Ct);

        Assert.True(await Store.Settings.DeleteAsync(key, SettingScope.App, appId, Ct));
        Assert.False(await Store.Settings.DeleteAsync(key, SettingScope.App, appId, Ct));

        Assert.Null(await Store.Settings.GetAsync(key, SettingScope.App, appId, Ct));
        StoreAssert.Same(global, await Store.Settings.GetAsync(key, SettingScope.Global, string.Empty, Ct));
        Assert.True(await Store.Settings.DeleteAsync(key, SettingScope.Global, string.Empty, Ct));
    }

    [Fact]
    public async Task List_ReturnsOneScopesSettings_OrderedByKey()
    {
        var prefix = TestData.Unique("list.");
        var orgId = Id<Organization>.New().ToString();
        foreach (var name in new[] { "charlie", "alpha", "delta", "bravo" })
        {
            await Store.Settings.SetAsync(TestData.NewSetting($"{prefix}.{name}", SettingScope.Organization, orgId, $"\"{name}\""), Ct);
        }

        await Store.Settings.SetAsync(TestData.NewSetting($"{prefix}.echo", SettingScope.Organization, Id<Organization>.New().ToString()), Ct);
        await Store.Settings.SetAsync(TestData.NewSetting($"{prefix}.foxtrot", SettingScope.User, orgId), Ct);

        var listed = await Store.Settings.ListAsync(SettingScope.Organization, orgId, Ct);

        Assert.Equal(["alpha", "bravo", "charlie", "delta"], listed.Select(s => s.Key[(prefix.Length + 1)..]));
        Assert.All(listed, s => Assert.Equal($"\"{s.Key[(prefix.Length + 1)..]}\"", s.Value));
    }

    [Fact]
    public async Task List_OfTheGlobalScope_IncludesGlobalSettingsOnly()
    {
        var prefix = TestData.Unique("global.");
        await Store.Settings.SetAsync(TestData.NewSetting($"{prefix}.b", SettingScope.Global, string.Empty), Ct);
        await Store.Settings.SetAsync(TestData.NewSetting($"{prefix}.a", SettingScope.Global, string.Empty), Ct);
        await Store.Settings.SetAsync(TestData.NewSetting($"{prefix}.c", SettingScope.App, Id<App>.New().ToString()), Ct);

        var ours = (await Store.Settings.ListAsync(SettingScope.Global, string.Empty, Ct)).Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal));

        Assert.Equal([$"{prefix}.a", $"{prefix}.b"], ours.Select(s => s.Key));
    }

    [Fact]
    public async Task Resolve_ReturnsTheNarrowestScopeThatHasTheKey()
    {
        var key = TestData.Unique("resolve.");
        var appId = Id<App>.New();
        var orgId = Id<Organization>.New();
        var userId = Id<User>.New();
        var context = new SettingsContext(appId, orgId, userId);

        Assert.Null(await Store.Settings.ResolveAsync(key, context, Ct));

        await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.Global, string.Empty, "\"global\""), Ct);
        Assert.Equal("\"global\"", (await Store.Settings.ResolveAsync(key, context, Ct))!.Value);

        await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.App, appId.ToString(), "\"app\""), Ct);
        Assert.Equal("\"app\"", (await Store.Settings.ResolveAsync(key, context, Ct))!.Value);

        await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.User, userId.ToString(), "\"user\""), Ct);
        Assert.Equal("\"user\"", (await Store.Settings.ResolveAsync(key, context, Ct))!.Value);

        await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.Organization, orgId.ToString(), "\"org\""), Ct);
        Assert.Equal("\"user\"", (await Store.Settings.ResolveAsync(key, context, Ct))!.Value);
        Assert.Equal("\"org\"", (await Store.Settings.ResolveAsync(key, context with { UserId = null }, Ct))!.Value);
        Assert.Equal("\"app\"", (await Store.Settings.ResolveAsync(key, new SettingsContext(appId), Ct))!.Value);
        Assert.Equal("\"global\"", (await Store.Settings.ResolveAsync(key, new SettingsContext(), Ct))!.Value);
        Assert.Equal("\"global\"", (await Store.Settings.ResolveAsync(key, new SettingsContext(Id<App>.New(), Id<Organization>.New(), Id<User>.New()), Ct))!.Value);
    }

    [Fact]
    public async Task ResolveMany_ResolvesEachKeyAtItsNarrowestScope()
    {
        var prefix = TestData.Unique("many.");
        var appId = Id<App>.New();
        var userId = Id<User>.New();
        await Store.Settings.SetAsync(TestData.NewSetting($"{prefix}.a", SettingScope.Global, string.Empty, "1"), Ct);
        await Store.Settings.SetAsync(TestData.NewSetting($"{prefix}.a", SettingScope.App, appId.ToString(), "2"), Ct);
        await Store.Settings.SetAsync(TestData.NewSetting($"{prefix}.b", SettingScope.Global, string.Empty, "3"), Ct);
        await Store.Settings.SetAsync(TestData.NewSetting($"{prefix}.c", SettingScope.User, userId.ToString(), "4"), Ct);
        await Store.Settings.SetAsync(TestData.NewSetting($"{prefix}.unwanted", SettingScope.Global, string.Empty, "5"), Ct);

        var resolved = await Store.Settings.ResolveManyAsync(
            [$"{prefix}.a", $"{prefix}.b", $"{prefix}.c", $"{prefix}.missing"], new SettingsContext(appId, UserId: userId), Ct);

        Assert.Equal(3, resolved.Count);
        Assert.Equal("2", resolved[$"{prefix}.a"].Value);
        Assert.Equal("3", resolved[$"{prefix}.b"].Value);
        Assert.Equal("4", resolved[$"{prefix}.c"].Value);
    }

    [Fact]
    public async Task Set_ConcurrentWritesOfOneKey_LeaveOneSetting()
    {
        var key = TestData.Unique("race.");
        var scopeId = Id<User>.New().ToString();

        var saved = await StoreAssert.ConcurrentlyAsync(20, async i =>
            await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.User, scopeId, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Ct));

        var stored = Assert.Single(await Store.Settings.ListAsync(SettingScope.User, scopeId, Ct));
        Assert.All(saved, s => Assert.Equal(stored.Id, s.Id));
    }

    [Fact]
    public async Task HostileStrings_RoundTripExactly_AndMatchOnlyLiterally()
    {
        var scopeId = Id<App>.New().ToString();
        foreach (var value in HostileStrings.Short)
        {
            var setting = TestData.NewSetting(value, SettingScope.App, scopeId, HostileStrings.VeryLong);
            await Store.Settings.SetAsync(setting, Ct);
            StoreAssert.Same(setting, await Store.Settings.GetAsync(value, SettingScope.App, scopeId, Ct));
        }

        Assert.Equal(HostileStrings.Short.Count, (await Store.Settings.ListAsync(SettingScope.App, scopeId, Ct)).Count);
        Assert.Null(await Store.Settings.GetAsync("%", SettingScope.App, "%", Ct));
    }
}
