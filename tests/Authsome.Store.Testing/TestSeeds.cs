namespace Authsome.Store.Testing;

/// <summary>Stores <see cref="TestData"/>'s entities for tests that need them in place (unlike <see cref="TestData"/>, these write).</summary>
public static class TestSeeds
{
    /// <summary>A new app, its default environment, a user of theirs and a session of that user, stored; returns the session.</summary>
    public static async Task<Session> SessionAsync(IAuthsomeStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var app = TestData.NewApp();
        await store.Apps.CreateAsync(app, cancellationToken);
        var environment = TestData.NewEnvironment(app.Id);
        await store.Environments.CreateAsync(environment, cancellationToken);
        var user = TestData.NewUser(app.Id, environment.Id);
        await store.Users.CreateAsync(user, cancellationToken);
        var session = TestData.NewSession(user);
        await store.Sessions.CreateAsync(session, cancellationToken);
        return session;
    }
}
