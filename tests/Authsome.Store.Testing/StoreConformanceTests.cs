namespace Authsome.Store.Testing;

/// <summary>
/// The base of every conformance test class. A backend derives from each area's class (for example
/// <see cref="UserStoreConformanceTests"/>) and overrides <see cref="CreateStoreAsync"/>; xunit then runs every
/// inherited test against that backend. Each test gets its own store from the factory.
/// </summary>
/// <remarks>
/// The tests never assume an empty database: each creates its own apps, environments and users with fresh ids
/// and asserts only on what it created (totals are asserted within a fresh app). So a backend may hand every
/// test a new store over one shared database. Two exceptions want a database no other test class writes to
/// while they run: <see cref="LifecycleConformanceTests"/> (it purges, and counts what it purged) and the
/// platform-app test of <see cref="AppStoreConformanceTests"/> (there is one platform app per database).
/// </remarks>
public abstract class StoreConformanceTests : IAsyncLifetime
{
    private IAuthsomeStore? store;

    /// <summary>The store under test, created before each test.</summary>
    protected IAuthsomeStore Store => store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>The running test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Returns a store ready for use: connected and migrated (its core group applied). Called once per test.
    /// It may return a new store over a database shared with other tests; see the class remarks.
    /// </summary>
    protected abstract ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken);

    /// <summary>Releases the store after each test; by default disposes it. Override when the store outlives a test.</summary>
    protected virtual ValueTask DisposeStoreAsync(IAuthsomeStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.DisposeAsync();
    }

    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync() => store = await CreateStoreAsync(Ct);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (store is not null)
        {
            await DisposeStoreAsync(store);
            store = null;
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Creates a fresh app with one default environment.</summary>
    protected Task<TestTenant> GivenTenantAsync() => TestSeeds.TenantAsync(Store, Ct);

    /// <summary>Creates a user of the tenant.</summary>
    protected Task<User> GivenUserAsync(TestTenant tenant, string? email = null) => TestSeeds.UserAsync(Store, tenant, email, Ct);

    /// <summary>Creates a fresh tenant and one user of it.</summary>
    protected async Task<User> GivenUserAsync()
    {
        var tenant = await GivenTenantAsync();
        return await GivenUserAsync(tenant);
    }

    /// <summary>Creates an organization of the tenant, created by <paramref name="creator"/>.</summary>
    protected async Task<Organization> GivenOrganizationAsync(TestTenant tenant, User creator)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(creator);
        var organization = TestData.NewOrganization(tenant.App.Id, creator.Id);
        await Store.Organizations.CreateAsync(organization, Ct);
        return organization;
    }
}
