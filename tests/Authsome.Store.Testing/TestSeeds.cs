namespace Authsome.Store.Testing;

/// <summary>Stores <see cref="TestData"/>'s entities for tests that need them in place (unlike <see cref="TestData"/>, these write).</summary>
public static class TestSeeds
{
    /// <summary>A new app and its default environment, stored.</summary>
    public static async Task<TestTenant> TenantAsync(IAuthsomeStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var app = TestData.NewApp();
        await store.Apps.CreateAsync(app, cancellationToken);
        var environment = TestData.NewEnvironment(app.Id);
        await store.Environments.CreateAsync(environment, cancellationToken);
        return new TestTenant(app, environment);
    }

    /// <summary>A new user of <paramref name="tenant"/>, stored.</summary>
    public static async Task<User> UserAsync(IAuthsomeStore store, TestTenant tenant, string? email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tenant);
        var user = TestData.NewUser(tenant.App.Id, tenant.Environment.Id, email);
        await store.Users.CreateAsync(user, cancellationToken);
        return user;
    }

    /// <summary>A new tenant, a user of it and a session of that user, stored; returns the session.</summary>
    public static async Task<Session> SessionAsync(IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var user = await UserAsync(store, await TenantAsync(store, cancellationToken), email: null, cancellationToken);
        var session = TestData.NewSession(user);
        await store.Sessions.CreateAsync(session, cancellationToken);
        return session;
    }
}

/// <summary>An app and its default environment, created for one test.</summary>
public sealed record TestTenant(App App, AppEnvironment Environment);
