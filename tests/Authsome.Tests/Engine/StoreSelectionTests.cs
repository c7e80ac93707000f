using Authsome.Hosting;

namespace Authsome.Tests.Engine;

public sealed class StoreSelectionTests
{
    [Theory]
    [InlineData("Host=localhost;Database=authsome;Username=app;Password=secret", "postgres")]
    [InlineData("postgres://app:secret@db:5432/authsome", "postgres")]
    [InlineData("postgresql://db/authsome?sslmode=require", "postgres")]
    [InlineData("mongodb://db:27017/authsome", "mongo")]
    [InlineData("mongodb+srv://cluster.example.net/authsome", "mongo")]
    [InlineData("Data Source=/var/lib/authsome/authsome.db", "sqlite")]
    [InlineData("Filename=authsome.db", "sqlite")]
    public void InfersTheBackendFromTheConnectionString(string connectionString, string provider) =>
        Assert.Equal(provider, StoreSelection.Infer(connectionString));

    [Fact]
    public void AnUnrecognisedConnectionStringFailsWithoutQuotingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StoreSelection.Infer("Endpoint=sb://x;SharedAccessKey=hunter2"));

        Assert.Contains("Authsome:Store:Provider", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectionNeverPrintsItsConnectionString() =>
        Assert.Equal("postgres", new StoreConnection("postgres", "Host=h;Password=hunter2").ToString());
}
