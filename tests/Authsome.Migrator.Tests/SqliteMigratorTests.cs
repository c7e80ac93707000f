using Microsoft.Data.Sqlite;

namespace Authsome.Migrator.Tests;

public sealed class SqliteMigratorTests : MigratorContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("authsome-migrator-").FullName;

    protected override string UnreachableConnectionString => $"Data Source={Path.Combine(_directory, "missing", "nested", "authsome.db")};Mode=ReadOnly";

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(_directory, $"{Guid.NewGuid():N}.db")}");

    [Fact]
    public async Task Grant_admin_makes_a_platform_user_an_administrator_and_fails_for_an_unknown_email()
    {
        var database = await CreateDatabaseAsync();
        var unknown = await MigratorProcess.RunAsync(database, "grant-admin", "nobody@example.com");
        Assert.True(unknown.ExitCode == 1, unknown.ToString());
        Assert.Contains("No platform-app user has that email", unknown.Output, StringComparison.Ordinal);

        var ct = TestContext.Current.CancellationToken;
        await using (var store = new Authsome.Store.Sqlite.SqliteStore(database))
        {
            var app = (await store.Apps.GetPlatformAsync(ct))!;
            var environment = (await store.Environments.GetDefaultAsync(app.Id, ct))!;
            var now = DateTimeOffset.UtcNow;
            await store.Users.CreateAsync(new Authsome.Store.User
            {
                Id = Authsome.Store.Id<Authsome.Store.User>.New(), AppId = app.Id, EnvId = environment.Id, Email = "ada@example.com", EmailVerified = true, CreatedAt = now, UpdatedAt = now,
            }, ct);
        }

        var granted = await MigratorProcess.RunAsync(database, "grant-admin", "Ada@Example.com");
        Assert.True(granted.ExitCode == 0, granted.ToString());
        await using (var store = new Authsome.Store.Sqlite.SqliteStore(database))
        {
            var user = (await store.Users.GetByEmailAsync((await store.Apps.GetPlatformAsync(ct))!.Id, (await store.Environments.GetDefaultAsync((await store.Apps.GetPlatformAsync(ct))!.Id, ct))!.Id, "ada@example.com", ct))!;
            var assignment = Assert.Single(await store.RoleAssignments.ListByUserAsync(user.Id, ct));
            Assert.Null(assignment.OrgId);
            Assert.Equal("platform:admin", (await store.Roles.GetAsync(assignment.RoleId, ct))!.Slug);
        }

        Assert.Equal(0, (await MigratorProcess.RunAsync(database, "grant-admin", "ada@example.com")).ExitCode);
    }

    protected override async Task<long> CountAppliedAsync(string connectionString)
    {
        if (!(await TablesAsync(connectionString)).Contains("authsome_migrations"))
        {
            return 0;
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM authsome_migrations";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    protected override async Task<IReadOnlyList<string>> TablesAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
