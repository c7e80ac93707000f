using System.Collections.Immutable;

namespace Authsome.Store.Testing;

/// <summary>Conformance of <see cref="IAuthsomeStore.FormConfigs"/> (one per app and form type) and <see cref="IAuthsomeStore.Branding"/> (one per organization, upserted).</summary>
public abstract class FormStoreConformanceTests : StoreConformanceTests
{
    [Fact]
    public async Task FormConfig_Create_ThenGet_KeepsFieldsInOrderWithTheirValidation()
    {
        var tenant = await GivenTenantAsync();
        var form = TestData.NewFormConfig(tenant.App.Id, "signup") with { Active = false, Version = 7 };

        await Store.FormConfigs.CreateAsync(form, Ct);

        StoreAssert.Same(form, await Store.FormConfigs.GetAsync(tenant.App.Id, "signup", Ct));
        Assert.Null(await Store.FormConfigs.GetAsync(tenant.App.Id, "profile", Ct));
        Assert.Null(await Store.FormConfigs.GetAsync(Id<App>.New(), "signup", Ct));
    }

    [Fact]
    public async Task FormConfig_Create_ThrowsDuplicate_ForTheIdOrTheAppsFormType_ButNotAnotherApps()
    {
        var tenant = await GivenTenantAsync();
        var other = await GivenTenantAsync();
        var form = await GivenFormConfigAsync(tenant.App.Id);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.FormConfigs.CreateAsync(TestData.NewFormConfig(tenant.App.Id) with { Id = form.Id }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.FormConfigs.CreateAsync(TestData.NewFormConfig(tenant.App.Id, form.FormType), Ct));

        var elsewhere = TestData.NewFormConfig(other.App.Id, form.FormType);
        await Store.FormConfigs.CreateAsync(elsewhere, Ct);
        StoreAssert.Same(elsewhere, await Store.FormConfigs.GetAsync(other.App.Id, form.FormType, Ct));
    }

    [Fact]
    public async Task FormConfig_Update_ReplacesFields_OrThrows()
    {
        var tenant = await GivenTenantAsync();
        var taken = await GivenFormConfigAsync(tenant.App.Id);
        var form = await GivenFormConfigAsync(tenant.App.Id);
        var changed = form with
        {
            FormType = TestData.Unique("form-"),
            Fields = [.. form.Fields.Reverse(), new FormField { Key = "agree", Label = "I agree", Type = "checkbox", Order = 3 }],
            Version = 2,
            UpdatedAt = TestData.Now.AddDays(1),
        };

        await Store.FormConfigs.UpdateAsync(changed, Ct);

        StoreAssert.Same(changed, await Store.FormConfigs.GetAsync(tenant.App.Id, changed.FormType, Ct));
        Assert.Null(await Store.FormConfigs.GetAsync(tenant.App.Id, form.FormType, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.FormConfigs.UpdateAsync(changed with { FormType = taken.FormType }, Ct));
        await StoreAssert.NotFoundAsync(() => Store.FormConfigs.UpdateAsync(TestData.NewFormConfig(tenant.App.Id), Ct));
    }

    [Fact]
    public async Task FormConfig_DeleteAndList()
    {
        var tenant = await GivenTenantAsync();
        var created = new List<Id<FormConfig>>();
        for (var i = 0; i < 4; i++)
        {
            created.Add((await GivenFormConfigAsync(tenant.App.Id)).Id);
        }

        await GivenFormConfigAsync((await GivenTenantAsync()).App.Id);

        StoreAssert.Ids(created.InIdOrder(), (await Store.FormConfigs.ListAsync(tenant.App.Id, Ct)).Select(f => f.Id));
        Assert.True(await Store.FormConfigs.DeleteAsync(created[0], Ct));
        Assert.False(await Store.FormConfigs.DeleteAsync(created[0], Ct));
        Assert.Equal(3, (await Store.FormConfigs.ListAsync(tenant.App.Id, Ct)).Count);
    }

    [Fact]
    public async Task FormConfig_HostileStrings_RoundTripExactly()
    {
        var tenant = await GivenTenantAsync();
        foreach (var value in HostileStrings.Short)
        {
            var form = TestData.NewFormConfig(tenant.App.Id, value) with
            {
                Fields =
                [
                    new FormField { Key = value, Label = HostileStrings.VeryLong, Type = value, Validation = new FormFieldValidation { Pattern = value } },
                ],
            };
            await Store.FormConfigs.CreateAsync(form, Ct);
            StoreAssert.Same(form, await Store.FormConfigs.GetAsync(tenant.App.Id, value, Ct));
        }

        Assert.Null(await Store.FormConfigs.GetAsync(tenant.App.Id, "sign%", Ct));
    }

    [Fact]
    public async Task Branding_Save_CreatesThenReplaces_KeepingIdAndCreatedAt()
    {
        var organization = await GivenAnOrganizationAsync();
        var branding = TestData.NewBranding(organization.Id);

        StoreAssert.Same(branding, await Store.Branding.SaveAsync(branding, Ct));
        StoreAssert.Same(branding, await Store.Branding.GetAsync(organization.Id, Ct));

        var replacement = TestData.NewBranding(organization.Id) with
        {
            Colors = ImmutableDictionary<string, string>.Empty.Add("primary", "#000000"),
            CustomCss = ".btn { color: red; }",
            Tagline = null,
            CreatedAt = TestData.Now.AddDays(5),
            UpdatedAt = TestData.Now.AddDays(5),
        };
        var expected = replacement with { Id = branding.Id, CreatedAt = branding.CreatedAt };

        StoreAssert.Same(expected, await Store.Branding.SaveAsync(replacement, Ct));
        StoreAssert.Same(expected, await Store.Branding.GetAsync(organization.Id, Ct));
    }

    [Fact]
    public async Task Branding_ConcurrentSaves_LeaveOneRecord()
    {
        var organization = await GivenAnOrganizationAsync();

        var saved = await StoreAssert.ConcurrentlyAsync(20, async i =>
            await Store.Branding.SaveAsync(TestData.NewBranding(organization.Id) with { Tagline = $"take {i}" }, Ct));

        var stored = await Store.Branding.GetAsync(organization.Id, Ct);
        Assert.NotNull(stored);
        Assert.All(saved, s => Assert.Equal(stored.Id, s.Id));
    }

    [Fact]
    public async Task Branding_Delete_ReturnsFalseTheSecondTime()
    {
        var organization = await GivenAnOrganizationAsync();
        await Store.Branding.SaveAsync(TestData.NewBranding(organization.Id), Ct);

        Assert.True(await Store.Branding.DeleteAsync(organization.Id, Ct));
        Assert.False(await Store.Branding.DeleteAsync(organization.Id, Ct));
        Assert.Null(await Store.Branding.GetAsync(organization.Id, Ct));
        Assert.Null(await Store.Branding.GetAsync(Id<Organization>.New(), Ct));
    }

    [Fact]
    public async Task Branding_HostileStrings_RoundTripExactly()
    {
        var organization = await GivenAnOrganizationAsync();
        var branding = TestData.NewBranding(organization.Id) with
        {
            CustomCss = HostileStrings.VeryLong,
            CompanyName = "' OR 1=1 --",
            Colors = HostileStrings.Short.ToImmutableDictionary(v => v, v => v),
        };

        await Store.Branding.SaveAsync(branding, Ct);

        StoreAssert.Same(branding, await Store.Branding.GetAsync(organization.Id, Ct));
    }

    protected async Task<FormConfig> GivenFormConfigAsync(Id<App> appId)
    {
        var form = TestData.NewFormConfig(appId);
        await Store.FormConfigs.CreateAsync(form, Ct);
        return form;
    }

    protected async Task<Organization> GivenAnOrganizationAsync()
    {
        var tenant = await GivenTenantAsync();
        return await GivenOrganizationAsync(tenant, await GivenUserAsync(tenant));
    }
}
