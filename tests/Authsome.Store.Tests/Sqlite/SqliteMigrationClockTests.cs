using Authsome.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace Authsome.Store.Tests.Sqlite;

/// <summary>The migration driver stamps applied migrations with the store's <see cref="TimeProvider"/>, not the machine's clock.</summary>
public sealed class SqliteMigrationClockTests : IDisposable
{
    private static readonly DateTimeOffset Then = new(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("authsome-sqlite-clock-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Migrate_StampsAppliedAtWithTheStoreClock_WhenATimeProviderIsGiven()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = new SqliteStore($"Data Source={Path.Combine(_folder, "authsome.db")}") { Time = new FixedTime(Then) };

        await store.MigrateAsync([], ct);
        var status = await store.GetMigrationStatusAsync([], ct);

        Assert.NotEmpty(status.Planned);
        Assert.All(status.Planned, m => Assert.Equal(Then, m.AppliedAt));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
