using Npgsql;

namespace Authsome.Hosting.Tests;

public sealed class TestPostgresServerTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ParseExternal_MeansStartALocalClusterWhenUnset(string? value) =>
        Assert.Null(SharedPostgresServer.ParseExternal(value));

    [Fact]
    public void ParseExternal_ReadsAConnectionStringAndDefaultsTheDatabase()
    {
        var builder = SharedPostgresServer.ParseExternal(" Host=db.example;Port=6543;Username=ci;Password=s3cret ");

        Assert.NotNull(builder);
        Assert.Equal("db.example", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("ci", builder.Username);
        Assert.Equal("postgres", builder.Database);
    }

    [Fact]
    public void ParseExternal_KeepsAGivenDatabase() =>
        Assert.Equal("maintenance", SharedPostgresServer.ParseExternal("Host=localhost;Database=maintenance")!.Database);

    [Theory]
    [InlineData("Host=localhost;NotAKeyword=1;Password=s3cret")]
    [InlineData("Password=s3cret;Username=ci")]
    [InlineData("just some words s3cret")]
    public void ParseExternal_RejectsAnUnusableValueWithoutRepeatingIt(string value)
    {
        var exception = Assert.Throws<LocalPostgresException>(() => SharedPostgresServer.ParseExternal(value));

        Assert.Contains(TestPostgresServer.EnvironmentVariable, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDatabaseAsync_GivesEachCallerItsOwnDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await TestPostgresServer.CreateDatabaseAsync("Hosting.Tests", ct);
        var second = await TestPostgresServer.CreateDatabaseAsync("Hosting.Tests", ct);

        var firstName = await CurrentDatabaseAsync(first, ct);
        var secondName = await CurrentDatabaseAsync(second, ct);

        Assert.StartsWith("hosting_tests_", firstName, StringComparison.Ordinal);
        Assert.StartsWith("hosting_tests_", secondName, StringComparison.Ordinal);
        Assert.NotEqual(firstName, secondName);
    }

    [Fact]
    public async Task AnExternalServerIsUsedAsIsAndItsTestDatabasesAreDroppedAfterwards()
    {
        var ct = TestContext.Current.CancellationToken;
        // The process-wide server stands in for a server named by AUTHSOME_TEST_POSTGRES.
        var external = await TestPostgresServer.GetConnectionStringAsync(ct);

        string created;
        await using (var server = await SharedPostgresServer.StartAsync(external, options: null, ct))
        {
            Assert.True(server.IsExternal);
            created = await CurrentDatabaseAsync(await server.CreateDatabaseAsync("external_check", ct), ct);
            Assert.True(await DatabaseExistsAsync(external, created, ct));
        }

        Assert.False(await DatabaseExistsAsync(external, created, ct));
    }

    private static async Task<string> CurrentDatabaseAsync(string connectionString, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("select current_database()");
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<bool> DatabaseExistsAsync(string connectionString, string name, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("select exists (select 1 from pg_database where datname = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
